/**
 * A small archive that exercises every export format's edge cases, saved through the real save
 * path into a fake IndexedDB: Vietnamese text, a title with commas, quotes and a line break, a
 * title that a spreadsheet would run as a formula, one that tries to climb out of a folder, two
 * articles with the same title, a missing byline, lead and publication date, and an article with
 * many mentions. `file` is the JSON export of the same database, the reference every format is
 * compared with.
 */
import type { CleanArticle } from '@/lib/article';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile, ExportedArticle } from '@/lib/archive/file-format';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

export const MANY = 60;

const lao = Array.from({ length: MANY }, (_, i) => `Lần ${i + 1}, Lào.`).join(' ');

function article(spec: Parameters<typeof makeArticle>[0], byline: string | null): CleanArticle {
  return { ...makeArticle(spec), byline };
}

export const SPECS: CleanArticle[] = [
  article(
    {
      url: 'https://nhandan.vn/hop-tac-viet-lao.html',
      site: 'nhandan.vn',
      title: 'Thủ tướng: "Hợp tác Việt Nam – Lào, mãi mãi xanh tươi"',
      lead: 'Đồng chí Thongloun Sisoulith thăm Thanh Hóa, Hủa Phăn.',
      body: 'Đoàn Bộ Quốc phòng Lào làm việc tại Thanh Hóa.\nHai bên ký kết biên bản.\n\nDòng có *dấu sao*, <b>thẻ</b> và # dấu thăng.',
      publishedAt: '2024-05-03T00:30:00+07:00',
      entities: [
        ['person.la-thongloun', 'Thongloun Sisoulith', 'PERSON'],
        ['place.vn-thanh-hoa', 'Thanh Hóa', 'PLACE'],
        ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
      ],
    },
    'Nguyễn Văn An - Trần Thị Bình',
  ),
  article(
    {
      url: 'https://thoidai.com.vn/dong-moi.html',
      site: 'thoidai.com.vn',
      title: 'Dòng thứ nhất\nDòng thứ hai, có dấu phẩy',
      lead: null,
      publishedAt: null,
      body: 'Không có tác giả, không có ngày đăng.',
      entities: [],
    },
    null,
  ),
  article(
    {
      url: 'https://antv.gov.vn/cong-thuc.html',
      site: 'antv.gov.vn',
      title: '=HYPERLINK("https://example.com","bấm")',
      body: `Nhiều lần nhắc tên: ${lao}`,
      publishedAt: '2023-12-31T20:00:00Z',
      entities: [['place.la', 'Lào', 'PLACE']],
    },
    'Theo TTXVN',
  ),
  article(
    {
      url: 'https://antv.gov.vn/leo-thu-muc.html',
      site: 'antv.gov.vn',
      title: '../../etc/passwd',
      body: 'Tiêu đề cố thoát khỏi thư mục.',
      entities: [],
    },
    'PV',
  ),
  article(
    {
      url: 'https://cand.com.vn/hop-tac-viet-lao-2.html',
      site: 'cand.com.vn',
      title: 'Thủ tướng: "Hợp tác Việt Nam – Lào, mãi mãi xanh tươi"',
      body: 'Cùng tiêu đề, bài khác.',
      entities: [['place.la-hua-phan', 'Hủa Phăn', 'PLACE']],
      lead: 'Hủa Phăn.',
    },
    'Hải Yến',
  ),
];

export interface KnownArchive {
  db: ArchiveDb;
  file: ArchiveFile;
  /** The file's articles by URL. */
  byUrl: Map<string, ExportedArticle>;
}

export async function knownArchive(): Promise<KnownArchive> {
  const db = await freshDb();
  for (const a of SPECS) await saveArticle(db, a);
  const file = JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
  return { db, file, byUrl: new Map(file.articles.map((a) => [a.url, a])) };
}
