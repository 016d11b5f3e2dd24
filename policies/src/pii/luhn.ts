/**
 * The Luhn (mod 10) check digit test that every payment card number passes. Used to keep the
 * payment card detector from reporting arbitrary 13-19 digit numbers (MS-1.7).
 */
export function passesLuhn(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      // Stryker disable next-line EqualityOperator: a doubled digit is even, never 9.
      if (digit > 9) digit -= 9;
    }
    // Stryker disable next-line AssignmentOperator: -sum % 10 is 0 exactly when sum % 10 is.
    sum += digit;
  }
  return sum % 10 === 0;
}
