/** Server-rendered pages of the sandbox identity providers: plain HTML, no JavaScript. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1b1f23;margin:0}
  main{max-width:24rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
  h1{font-size:1.4rem;margin:0 0 1rem}
  label{display:block;font-weight:600;margin:1rem 0 .25rem}
  input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #6a737d;border-radius:.25rem}
  button{margin-top:1.25rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:.25rem;cursor:pointer}
  button.secondary{background:#fff;color:#0b5cad;border:1px solid #0b5cad}
  .error{color:#b00020;background:#fdecee;padding:.5rem;border-radius:.25rem;margin:0 0 .5rem}
  .hint{color:#57606a;font-size:.85rem;margin-top:1.5rem}
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export type SignInPage = {
  heading: string;
  action: string;
  email?: string;
  error?: string;
  hint?: string;
};

export function signInPage({ heading, action, email = '', error, hint }: SignInPage): string {
  const describedBy = error ? ' aria-describedby="signin-error" aria-invalid="true"' : '';
  return page(
    heading,
    `<h1>${escapeHtml(heading)}</h1>
${error ? `<p class="error" id="signin-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" novalidate>
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${error ? '' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${error ? ' autofocus' : ''}>
  <button type="submit">Sign in</button>
</form>
${hint ? `<p class="hint">${escapeHtml(hint)}</p>` : ''}`,
  );
}

/** RP-initiated logout confirmation. `form` is oidc-provider's hidden form (id `op.logoutForm`). */
export function logoutPage(heading: string, form: string): string {
  return page(
    heading,
    `<h1>${escapeHtml(heading)}</h1>
<p>Do you want to sign out?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
  );
}

export function signedOutPage(heading: string): string {
  return page(heading, `<h1>${escapeHtml(heading)}</h1>\n<p>You are signed out.</p>`);
}

export function errorPage(heading: string, details: Record<string, string>): string {
  const rows = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('');
  return page(heading, `<h1>${escapeHtml(heading)}</h1>\n<dl>${rows}</dl>`);
}
