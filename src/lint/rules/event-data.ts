import { defineRule } from '../rule.js';

const EVENT = '---\nevents:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n';

export const eventData = defineRule({
  id: 'event-data',
  defaultSeverity: 'error',
  description:
    'An `events:` entry of a fragment\'s front matter that cannot be read as it must: a name, a url and a start missing, a date that is not YYYY-MM-DD (or YYYY-MM-DDTHH:MM for a deadline) or not a day of the calendar, an end before the start, a deadline after the event ends, a time zone that is not one, a year outside 1970 to 2100, a control character in any value (a lone carriage return would add lines to the calendar invite). Such an event or deadline is left out of every output. An unknown key is a warning, with "did you mean".',
  examples: {
    ok: [
      {
        files: {
          'events.md': `${EVENT}    start: 2025-10-17\n    end: 2025-10-19\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: America/Los_Angeles\n---\n`,
        },
      },
    ],
    notOk: [
      {
        files: { 'events.md': `${EVENT}    start: 2025-02-30\n---\n` },
        messages: ['events.md:5:1 OpenInfra Summit Europe: start 2025-02-30 is not a day of the calendar (February 2025 has 28 days).'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 17 October 2025\n---\n` },
        messages: ['events.md:5:1 OpenInfra Summit Europe: start "17 October 2025" is not a date; write it as YYYY-MM-DD, such as 2025-10-17.'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 2025-10-19\n    end: 2025-10-17\n---\n` },
        messages: ['events.md:6:1 OpenInfra Summit Europe: end 2025-10-17 is before start 2025-10-19.'],
      },
      {
        files: {
          'events.md': `${EVENT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: Pacific Time\n---\n`,
        },
        messages: ['events.md:9:1 Submit a talk: "Pacific Time" is not a time zone; did you mean America/Los_Angeles?'],
      },
      {
        files: {
          'events.md': `${EVENT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: Paris\n---\n`,
        },
        messages: ['events.md:9:1 Submit a talk: "Paris" is not a time zone; use an IANA name, such as America/Los_Angeles or Europe/Paris.'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 2025-10-17\n    deadlines:\n      - label: Register\n        date: 2025-11-01\n---\n` },
        messages: ['events.md:8:1 Register: the deadline 2025-11-01 is after OpenInfra Summit Europe ends (2025-10-17).'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 9999-12-31\n---\n` },
        messages: ['events.md:5:1 OpenInfra Summit Europe: start 9999-12-31 is outside the years events are read in (1970 to 2100).'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 0099-06-13\n---\n` },
        messages: ['events.md:8:1 Submit a talk: 0099-06-13 is outside the years events are read in (1970 to 2100).'],
      },
      {
        files: { 'events.md': '---\nevents:\n  - name: "Summit\\rBEGIN:VALARM"\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n---\n' },
        messages: ['events.md:3:1 events[0]: name holds a control character (U+000D); write it as text on one line.'],
      },
      {
        files: { 'events.md': `${EVENT}    start: 2025-10-17\n    location: "Paris\\u001b]0;title\\u0007"\n---\n` },
        messages: ['events.md:6:1 OpenInfra Summit Europe: location holds a control character (U+001B); write it as text on one line.'],
      },
      {
        files: { 'events.md': '---\nevents:\n  - name: OpenInfra Summit Europe\n    strat: 2025-10-17\n---\n' },
        messages: [
          "events.md:3:1 OpenInfra Summit Europe needs a url: the event's page.",
          'events.md:3:1 OpenInfra Summit Europe: start is missing: the first day, as YYYY-MM-DD.',
          'events.md:4:1 an event has no key "strat"; did you mean "start"?',
        ],
      },
    ],
  },
  check({ issue, report }) {
    for (const fragment of issue.fragments) {
      for (const problem of fragment.eventProblems) {
        report({ file: fragment.path, line: problem.line, message: problem.message, ...(problem.severity ? { severity: problem.severity } : {}) });
      }
    }
  },
});
