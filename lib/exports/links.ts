// The exports of a talk as its pages link them (the talk page's header, the print view): one
// list, so both offer the same, in the same words. Pure.

export type TalkExportLink = { label: string; description: string; href: string };

export function talkExportLinks(slug: string): TalkExportLink[] {
  const base = `/talks/${slug}`;
  return [
    { label: "CSV", description: "every statement, one row each, for a spreadsheet", href: `${base}/statements.csv` },
    { label: "JSON", description: "the whole talk as a parley.talk/v1 document", href: `${base}/talk.json` },
    { label: "Calendar", description: "the sessions as an iCalendar (.ics) file", href: `${base}/sessions.ics` },
    { label: "Atom feed", description: "statements as they are recorded", href: `${base}/feed.xml` },
    { label: "TimelineJS", description: "the statements as TimelineJS data", href: `${base}/timelinejs.json` },
  ];
}
