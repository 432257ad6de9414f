// The insights as one CSV table (section, key, value, …) that spreadsheets open directly.
import type { Influencer, Insights } from '@serendip/contracts';

/** Quotes a cell when needed; a leading = + - @ is defused so spreadsheets never run it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');
const round = (value: number | null, digits = 4) =>
  value === null ? null : Number(value.toFixed(digits));

function influencerLines(list: string, people: Influencer[]): string[] {
  return people.map((person) =>
    line([
      `influencer_${list}`,
      person.user.handle,
      round(person.combined),
      person.rank,
      Object.entries(person.contributions)
        .map(([name, value]) => `${name}=${round(value)}`)
        .join(' '),
    ]),
  );
}

export function insightsCsv(insights: Insights): string {
  const lines = [
    line(['section', 'key', 'value', 'value2', 'detail']),
    line(['scope', insights.group?.slug ?? 'company', insights.weeks, null, insights.since]),
    line(['questions', null, insights.questions, null, null]),
    line(['answered', null, insights.answered, null, null]),
    line(['answer_rate', null, round(insights.answerRate), null, null]),
    line([
      'median_hours_to_first_answer',
      null,
      round(insights.medianHoursToFirstAnswer, 2),
      null,
      null,
    ]),
    line(['unanswered', null, insights.unanswered, null, null]),
    ...insights.activity.map((week) =>
      line(['week', week.week, week.questions, week.answers, 'questions,answers']),
    ),
    ...insights.topTags.map((tag) => line(['top_tag', tag.slug, tag.threads, null, null])),
    ...Object.entries(insights.influencers).flatMap(([list, people]) =>
      influencerLines(list, people),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
