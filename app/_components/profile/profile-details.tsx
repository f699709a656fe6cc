import { countryName } from '@/lib/profile/country-options';
import { birthdateForInput } from '@/lib/profile/form-values';
import { formatPhoneForDisplay, defaultPhoneCountry } from '@/lib/profile/phones';
import type { Profile } from '@/lib/profile/types';
import { ADDRESS_FIELDS, BIRTH_FIELDS, CONTACT_FIELDS, NAME_FIELDS, PHONE_TYPE_LABELS } from './fields';
import { ReadOnlyField } from './read-only-field';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">{children}</dl>
    </section>
  );
}

/** The whole profile as text, with the same labels as the customer's form (used by the staff preview). */
export function ProfileDetails({ profile, uiLocale }: { profile: Profile; uiLocale: string }) {
  const phoneCountry = defaultPhoneCountry(profile.address, profile.locale);
  const address = profile.address;
  return (
    <div className="space-y-6">
      <Card title="Contact">
        {CONTACT_FIELDS.map((def) => (
          <ReadOnlyField key={def.key} label={def.label} value={profile[def.key]} testId={`preview-${def.key}`} />
        ))}
      </Card>
      <Card title="Names">
        {NAME_FIELDS.map((def) => (
          <ReadOnlyField key={def.key} label={def.label} value={profile[def.key]} testId={`preview-${def.key}`} />
        ))}
      </Card>
      <Card title="Birth">
        <ReadOnlyField label="Birth date" value={birthdateForInput(profile.birthdate) || null} testId="preview-birthdate" />
        {BIRTH_FIELDS.map((def) => (
          <ReadOnlyField key={def.key} label={def.label} value={profile[def.key]} testId={`preview-${def.key}`} />
        ))}
      </Card>
      <Card title="Phones">
        {profile.phones.length === 0 ? <ReadOnlyField label="Phones" value={null} /> : null}
        {profile.phones.map((phone, index) => (
          <ReadOnlyField
            key={`${phone.number}-${index}`}
            label={`Phone ${index + 1} (${PHONE_TYPE_LABELS[phone.type] ?? phone.type})`}
            value={formatPhoneForDisplay(phone.number, phoneCountry)}
            testId={`preview-phone-${index}`}
          />
        ))}
      </Card>
      <Card title="Postal address">
        {address ? (
          <>
            {ADDRESS_FIELDS.map((def) => (
              <ReadOnlyField key={def.key} label={def.label} value={address[def.key]} testId={`preview-address-${def.key}`} />
            ))}
            <ReadOnlyField label="Country" value={countryName(address.country_code, uiLocale) ?? address.country} testId="preview-address-country" />
          </>
        ) : (
          <ReadOnlyField label="Address" value={null} />
        )}
      </Card>
    </div>
  );
}
