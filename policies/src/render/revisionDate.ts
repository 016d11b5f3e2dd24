const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** An ISO date as the seed policy writes it: "2018-03-02" -> "02 March 2018". */
export function revisionDateInWords(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? monthNames[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${match[3]} ${month} ${match[1]}`;
}
