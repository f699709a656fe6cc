import { Fragment } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { languageName } from '@/lib/i18n/languages';
import { countryName } from '@/lib/profile/country-options';
import { formatPhoneForDisplay, defaultPhoneCountry } from '@/lib/profile/phones';
import type { Profile } from '@/lib/profile/types';
import {
  ADDRESS_FIELDS,
  BIRTH_CITY_FIELD,
  CONTACT_FIELDS,
  NAME_FIELDS,
  NATIVE_NAME_FIELDS,
  optinChoices,
  showsNativeNames,
} from './fields';
import { IdentityCard } from './identity-card';
import { ReadOnlyField } from './read-only-field';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">{children}</dl>
    </section>
  );
}

/** `YYYYMMDD` as a date in the interface language; anything else is shown as stored. */
function useBirthdate(value: string | null): string | null {
  const format = useFormatter();
  const match = value ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? value : format.dateTime(date, { dateStyle: 'long', timeZone: 'UTC' });
}

/**
 * The whole profile as text, with the same field definitions and labels as the customer's form
 * (used by the staff preview), in the interface language.
 */
export function ProfileDetails({ profile }: { profile: Profile }) {
  const t = useTranslations();
  const uiLocale = useLocale();
  const birthdate = useBirthdate(profile.birthdate);
  const phoneCountry = defaultPhoneCountry(profile.address, profile.locale);
  const address = profile.address;
  const yesNo = (value: boolean | null | undefined) => (value === true ? t('Values.yes') : value === false ? t('Values.no') : null);
  const label = (namespace: string, code: string | null) => (code && t.has(`${namespace}.${code}`) ? t(`${namespace}.${code}`) : code);
  return (
    <div className="space-y-6">
      <Card title={t('Sections.contact')}>
        {CONTACT_FIELDS.map((def) => (
          <ReadOnlyField key={def.key} label={t(`Fields.${def.key}`)} value={profile[def.key]} testId={`preview-${def.key}`} />
        ))}
      </Card>
      <Card title={t('Sections.names')}>
        <ReadOnlyField label={t('Fields.civility')} value={label('Civility', profile.civility)} testId="preview-civility" />
        {NAME_FIELDS.map((def) => (
          <ReadOnlyField key={def.key} label={t(`Fields.${def.key}`)} value={profile[def.key]} testId={`preview-${def.key}`} />
        ))}
      </Card>
      {showsNativeNames(profile.locale, profile) ? (
        <Card title={t('Sections.nativeNames')}>
          {NATIVE_NAME_FIELDS.map((def) => (
            <ReadOnlyField key={def.key} label={t(`Fields.${def.key}`)} value={profile[def.key]} testId={`preview-${def.key}`} />
          ))}
        </Card>
      ) : null}
      <Card title={t('Sections.birth')}>
        <ReadOnlyField label={t('Fields.birthdate')} value={birthdate} testId="preview-birthdate" />
        <ReadOnlyField label={t('Fields.birth_country_code')} value={countryName(profile.birth_country_code, uiLocale)} testId="preview-birth_country_code" />
        <ReadOnlyField label={t(`Fields.${BIRTH_CITY_FIELD.key}`)} value={profile[BIRTH_CITY_FIELD.key]} testId={`preview-${BIRTH_CITY_FIELD.key}`} />
      </Card>
      <Card title={t('Sections.language')}>
        <ReadOnlyField label={t('Fields.language_code')} value={languageName(profile.language_code, uiLocale)} testId="preview-language_code" />
      </Card>
      <Card title={t('Sections.phones')}>
        {profile.phones.length === 0 ? <ReadOnlyField label={t('Fields.phones')} value={null} /> : null}
        {profile.phones.map((phone, index) => (
          <ReadOnlyField
            key={`${phone.number}-${index}`}
            label={`${t('Form.phoneNumber', { number: index + 1 })} (${label('PhoneTypes', phone.type) ?? ''})`}
            value={formatPhoneForDisplay(phone.number, phoneCountry)}
            testId={`preview-phone-${index}`}
          />
        ))}
      </Card>
      <Card title={t('Sections.address')}>
        {address ? (
          <>
            {ADDRESS_FIELDS.map((def) => (
              <ReadOnlyField key={def.key} label={t(`Fields.addressFields.${def.key}`)} value={address[def.key]} testId={`preview-address-${def.key}`} />
            ))}
            <ReadOnlyField label={t('Fields.addressFields.country_code')} value={countryName(address.country_code, uiLocale) ?? address.country} testId="preview-address-country" />
          </>
        ) : (
          <ReadOnlyField label={t('Fields.address')} value={null} />
        )}
      </Card>
      <Card title={t('Sections.consents')}>
        {optinChoices(profile.optins).map(({ channel, partners }) => {
          const stored = profile.optins.find((optin) => optin.channel === channel);
          const channelLabel = t.has(`Channels.${channel}`) ? t(`Channels.${channel}`) : t('Form.optinUnknown', { channel });
          return (
            <Fragment key={channel}>
              <ReadOnlyField label={channelLabel} value={yesNo(stored?.optin)} testId={`preview-optin-${channel}`} />
              {partners ? (
                <ReadOnlyField label={`${channelLabel} — ${t('Form.optinPartners')}`} value={yesNo(stored?.optin_partners)} testId={`preview-optin-${channel}-partners`} />
              ) : null}
            </Fragment>
          );
        })}
        <ReadOnlyField label={t('Fields.personal_data_usage_allowed')} value={yesNo(profile.personal_data_usage_allowed)} testId="preview-personal_data_usage_allowed" />
      </Card>
      <IdentityCard identity={profile.identity} />
    </div>
  );
}
