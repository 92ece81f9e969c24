// Prints one plain closing line ("N passed, N failed, N skipped") that any CI log reader understands, preceded by
// why specs were skipped: blocks skipped for a missing service carry "— skipped: <reason>" in their title
// (test/support/skip.ts).
const SKIPPED = ' — skipped: ';

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: todo } = results;
    const reasons = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending') continue;
        const block = test.ancestorTitles.find((title) => title.includes(SKIPPED));
        if (!block) continue;
        const reason = block.slice(block.indexOf(SKIPPED) + SKIPPED.length);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of reasons) process.stdout.write(`\n${count} skipped: ${reason}`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped + todo} skipped\n`);
  }
}
