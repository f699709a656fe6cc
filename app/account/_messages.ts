import type { FieldError } from '@/lib/profile/types';
import type { SaveFailureReason } from '@/lib/profile/save';

export function fieldErrorMessage(error: FieldError): string {
  const p = error.params ?? {};
  switch (error.code) {
    case 'required':
      return 'This field is required.';
    case 'choose_value':
      return 'Choose which value to keep.';
    case 'too_long':
      return `Too long: at most ${p.max} characters.`;
    case 'invalid_email':
      return 'Enter an email address like name@example.com.';
    case 'email_local_too_long':
      return 'The part before @ can have at most 64 characters.';
    case 'invalid_phone':
      return 'This is not a possible phone number. Check the digits, or start with + and the country code.';
    case 'phone_extension':
      return 'Enter the number without an extension.';
    case 'duplicate_phone':
      return 'This number is already in your list.';
    case 'invalid_phone_type':
      return 'Choose Mobile, Home or Office.';
    case 'invalid_date':
      return 'Enter a real date.';
    case 'future_date':
      return 'The date cannot be in the future.';
    case 'invalid_country':
      return 'Choose a country from the list.';
    case 'invalid_language':
      return 'Choose a language from the list.';
    case 'too_many':
      return `Too many entries: at most ${p.max}.`;
    case 'upstream':
      return String(p.message ?? 'Club Med did not accept this value.');
  }
}

export function failureMessage(reason: SaveFailureReason, retryAfterSeconds?: number): string {
  switch (reason) {
    case 'signed_out':
      return 'Your session has ended. Sign in again to save: your changes are still in the form.';
    case 'forbidden':
      return 'This account is not allowed to change this profile. Nothing was saved.';
    case 'not_found':
      return 'This profile no longer exists. Nothing was saved.';
    case 'rate_limited':
      return `Too many saves in a short time. Wait ${retryAfterSeconds ?? 30} seconds, then save again. Your changes are still in the form.`;
    case 'stale':
      return 'This page is out of date. Reload the page, then enter your changes again (they are still shown below).';
    case 'too_large':
      return 'The form is too large to send. Shorten the long fields and save again.';
    case 'unavailable':
      return 'Club Med could not be reached, so nothing was saved. Your changes are still in the form: try again in a moment.';
  }
}
