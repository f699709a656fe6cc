/** Customer ids are digit strings without a leading zero (contract); anything else never reaches a URL. */
const CUSTOMER_ID_PATTERN = /^[1-9][0-9]{0,19}$/;

export function isCustomerId(value: string): boolean {
  return CUSTOMER_ID_PATTERN.test(value);
}
