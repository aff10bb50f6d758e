// `npm run db:check`: lists every live row of the database that breaks a rule the forms and the
// loader enforce (lib/health/record-check.ts), talk by talk, with where to edit it. Exits 1 when
// it finds any, so a deploy script can stop on it. Changes nothing.
import { createDb } from "../../lib/db";
import { getEnv } from "../../lib/env";
import { checkRecord } from "../../lib/health/record-check";
import { plural } from "../../lib/labels";
import { describeDatabase, runCommand } from "./engine";

runCommand(async () => {
  const { database } = getEnv();
  const db = await createDb(database);
  try {
    const report = await checkRecord(db);
    const { sessions, statements, assessments, linkages } = report.rows;
    console.log(`Checked ${describeDatabase(database)}: ${plural(report.talks, "talk")}, ${plural(sessions, "session")}, ${plural(statements, "statement")}, ${plural(assessments, "gap assessment")}, ${plural(linkages, "linkage")}.`);
    if (report.notices.length) {
      console.log(`\nSaved with an editor's confirmation (${plural(report.notices.length, "notice")}, not problems):`);
      for (const f of report.notices) console.log(`  ${f.talk}: ${f.row} (${f.address}):\n    ${f.problem}`);
    }
    if (report.findings.length === 0) {
      console.log("Every row keeps the rules.");
      return 0;
    }
    const byTalk = new Map<string, typeof report.findings>();
    for (const f of report.findings) byTalk.set(f.talk, [...(byTalk.get(f.talk) ?? []), f]);
    for (const [talk, findings] of byTalk) {
      console.log(`\n${talk}: ${plural(findings.length, "problem")}`);
      for (const f of findings) console.log(`  ${f.row} (${f.address}):\n    ${f.problem}`);
    }
    console.log(`\n${plural(report.findings.length, "problem")} in ${plural(byTalk.size, "talk")}. Each can be corrected in the form at its address.`);
    return 1;
  } finally {
    await db.$disconnect();
  }
});
