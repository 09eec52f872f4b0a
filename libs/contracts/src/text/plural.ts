/** "1 customer", "2 customers": counts in the details an operation reports. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
