/** Tests ordered and waiting for their result day: (person, day the test is taken) per result day. */
export class TestQueue {
  private readonly byResultDay = new Map<number, number[]>();

  /** A test taken on `takenDay` whose result is known on `resultDay`. */
  order(person: number, takenDay: number, resultDay: number): void {
    let due = this.byResultDay.get(resultDay);
    if (due === undefined) {
      due = [];
      this.byResultDay.set(resultDay, due);
    }
    due.push(person, takenDay);
  }

  /** Calls `result(person, takenDay)` for each result due on `day`, in order, and forgets them. */
  due(day: number, result: (person: number, takenDay: number) => void): void {
    const due = this.byResultDay.get(day) ?? [];
    this.byResultDay.delete(day);
    for (let i = 0; i < due.length; i += 2) result(due[i] as number, due[i + 1] as number);
  }
}
