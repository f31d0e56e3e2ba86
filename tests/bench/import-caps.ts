/**
 * Case 3 (Node, the background's own validation code): the import caps. An archive file whose
 * article carries 60,000 entities (as the hostile file of issue 17 did) against one at the caps
 * (MAX_ENTITIES entities, MAX_MENTIONS mentions in all): the first must be refused before any
 * entity is read, so it costs no more than validating the file at the caps. Timed from the parsed
 * object: JSON.parse is bounded by the message and field limits, not by these caps.
 */
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from '@/lib/archive/file-format';
import { Invalid, readArchiveFile } from '@/lib/archive/import-validation';
import { MAX_ENTITIES, MAX_MENTIONS } from '@/lib/limits';
import { figure, ratioRow, type Row } from './report';
import { compare, type SampleOptions } from './stats';

const SENTENCE = 'Đại diện Bộ Công an Lào và Bộ Quốc phòng Việt Nam dự buổi làm việc. ';

function archiveFile(entities: number, mentionsEach: number): unknown {
  const text = SENTENCE.repeat(Math.max(1, Math.ceil((entities * mentionsEach) / 2)));
  const at = '2026-12-01T08:00:00.000Z';
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/bench-nhieu-ten-999002.html';
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: at,
    generator: 'bench',
    articles: [
      {
        id: 'a-bench-import-caps',
        url,
        canonicalUrl: url,
        site: 'antv.gov.vn',
        siteName: 'ANTV',
        title: 'Bài có nhiều tên',
        lead: null,
        byline: null,
        publishedAt: at,
        savedAt: at,
        updatedAt: at,
        lang: 'vi',
        wordCount: text.split(' ').length,
        readingMinutes: 1,
        leadImage: null,
        text,
        contentHtml: `<p>${text}</p>`,
        contentHash: '0'.repeat(64),
        entities: Array.from({ length: entities }, (_, i) => ({
          id: `org.bench-${i}`,
          name: 'Bộ Công an Lào',
          type: 'ORG',
          listed: true,
          mentions: Array.from({ length: mentionsEach }, (_, k) => {
            const start = (((i * mentionsEach + k) >> 1) % 1000) * SENTENCE.length + 9;
            return { start, end: start + 14, surface: 'Bộ Công an Lào', type: 'ORG' };
          }),
        })),
        tags: [],
      },
    ],
  };
}

export function benchImportCaps(options: SampleOptions): Promise<Row[]> {
  const atCaps = archiveFile(MAX_ENTITIES, MAX_MENTIONS / MAX_ENTITIES);
  const past = archiveFile(60_000, 1);
  readArchiveFile(atCaps); // throws if the file at the caps is not accepted
  let refused = '';
  return compare(
    {
      past: {
        run: () => {
          try {
            readArchiveFile(past);
          } catch (error) {
            if (!(error instanceof Invalid)) throw error;
            refused = error.message;
          }
        },
      },
      atCaps: { run: () => void readArchiveFile(atCaps) },
    },
    options,
  ).then((samples) => {
    if (!refused) throw new Error('the file past the entity cap was accepted');
    return [
      ratioRow(
        '3 import',
        `import caps: 60,000 entities refused ("${refused.slice(0, 60)}…") vs ${MAX_ENTITIES} entities, ${MAX_MENTIONS} mentions validated`,
        figure('refused past the cap', samples.past!),
        figure('at the caps', samples.atCaps!),
        { max: 1, goal: '≤ 1× (refused before reading an entity)' },
      ),
    ];
  });
}
