/** ImportError: why an archive file was refused, in English and Vietnamese. */
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from './file-format';
import { MAX_ARTICLES } from '@/lib/limits';
import type { Invalid, Path } from './import-validation';

export type ImportErrorCode =
  | 'not-json'
  | 'truncated'
  | 'not-archive'
  | 'future-version'
  | 'too-many-articles'
  | 'too-large'
  | 'forbidden-key'
  | 'invalid'
  | 'quota'
  | 'storage'
  | 'sanitize'
  | 'cancelled';

export interface ImportErrorInit {
  code: ImportErrorCode;
  message: string;
  messageVi: string;
  articleIndex?: number;
  field?: string;
  cause?: unknown;
}

/** A refused import: nothing was written. `code` is stable (for UI strings); `messageVi` is the Vietnamese text. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;
  readonly messageVi: string;
  readonly articleIndex?: number;
  readonly field?: string;

  constructor(init: ImportErrorInit) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.messageVi = init.messageVi;
    if (init.articleIndex !== undefined) this.articleIndex = init.articleIndex;
    if (init.field !== undefined) this.field = init.field;
  }
}

/** "entities[0].mentions[2].end" from a path inside one article. */
function fieldName(path: Path): string {
  // a key comes from the file: a 50 MB field name must not become a 50 MB message
  const key = (p: string) => (p.length > 80 ? `${p.slice(0, 80)}…` : p);
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? key(p) : `.${key(p)}`)).join('');
}

/** The ImportError for a validation failure, naming the article index and field. */
export function importErrorFrom(invalid: Invalid): ImportError {
  const inArticle = invalid.path[0] === 'articles' && typeof invalid.path[1] === 'number';
  const articleIndex = inArticle && typeof invalid.path[1] === 'number' ? invalid.path[1] : undefined;
  const field = fieldName(inArticle ? invalid.path.slice(2) : invalid.path) || undefined;
  const whereEn =
    articleIndex === undefined ? `The file's field "${field}"` : `Article at index ${articleIndex}: field "${field}"`;
  const whereVi =
    articleIndex === undefined ? `Trường "${field}" của tệp` : `Bài ở vị trí ${articleIndex}: trường "${field}"`;
  const base = { code: invalid.code, articleIndex, field };
  switch (invalid.code) {
    case 'not-archive':
      return new ImportError({
        ...base,
        message: `This file is not a VietLao Reader archive (its "format" is not "${EXPORT_FORMAT}").`,
        messageVi: 'Tệp này không phải bản lưu trữ của VietLao Reader.',
      });
    case 'future-version':
      return new ImportError({
        ...base,
        message: `This archive was made by a newer VietLao Reader (format version ${invalid.reason}; this version reads up to ${EXPORT_SCHEMA_VERSION}). Update the extension, then import again.`,
        messageVi: `Bản lưu trữ này do phiên bản VietLao Reader mới hơn tạo ra (định dạng ${invalid.reason}; phiên bản này chỉ đọc đến ${EXPORT_SCHEMA_VERSION}). Hãy cập nhật tiện ích rồi nhập lại.`,
      });
    case 'too-many-articles':
      return new ImportError({
        ...base,
        message: `The file holds ${invalid.reason} articles; at most ${MAX_ARTICLES.toLocaleString('en')} can be imported at once.`,
        messageVi: `Tệp có ${invalid.reason} bài; mỗi lần chỉ nhập được tối đa ${MAX_ARTICLES.toLocaleString('vi')} bài.`,
      });
    case 'too-large':
      return new ImportError({
        ...base,
        message: `${whereEn} is longer than 5 MB. Nothing was imported.`,
        messageVi: `${whereVi} dài quá 5 MB. Chưa nhập gì.`,
      });
    case 'forbidden-key':
      return new ImportError({
        ...base,
        message: `${whereEn}: this key is not allowed in an archive file. Nothing was imported.`,
        messageVi: `${whereVi}: khóa này không được phép trong tệp lưu trữ. Chưa nhập gì.`,
      });
    case 'invalid':
      return new ImportError({
        ...base,
        message: `${whereEn} ${invalid.reason}. Nothing was imported.`,
        messageVi:
          invalid.reasonVi === undefined
            ? `${whereVi} không hợp lệ (${invalid.reason}). Chưa nhập gì.`
            : `${whereVi} ${invalid.reasonVi}. Chưa nhập gì.`,
      });
  }
}

/** The ImportError for text that JSON.parse refused: cut short, or not JSON at all. */
export function parseError(text: string, error: unknown): ImportError {
  const detail = error instanceof Error ? error.message : String(error);
  const trimmed = text.trim();
  const position = /position (\d+)/.exec(detail);
  const atEnd =
    /end of (JSON )?(data|input)|unterminated|unexpected eof/i.test(detail) ||
    (position !== null && Number(position[1]) >= trimmed.length);
  if (trimmed !== '' && /^[[{]/.test(trimmed) && atEnd) {
    return new ImportError({
      code: 'truncated',
      message:
        'The file ends too early: it looks truncated (an interrupted download or copy). Export the archive again and import the new file.',
      messageVi: 'Tệp bị cắt cụt (tải xuống hoặc sao chép bị gián đoạn). Hãy xuất lại kho lưu trữ rồi nhập tệp mới.',
      cause: error,
    });
  }
  const why = trimmed === '' ? 'it is empty' : `it is not valid JSON (${detail})`;
  return new ImportError({
    code: 'not-json',
    message: `This file cannot be imported: ${why}. Choose a file exported by VietLao Reader (.json).`,
    messageVi: 'Không nhập được tệp này: tệp không phải JSON hợp lệ. Hãy chọn tệp .json do VietLao Reader xuất ra.',
    cause: error,
  });
}

/** The ImportError for a sanitiser that failed (in Chrome: the offscreen document did not answer). */
export function sanitizeError(error: unknown): ImportError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ImportError({
    code: 'sanitize',
    message: `The articles' HTML could not be sanitised (${detail}). Nothing was imported; try again.`,
    messageVi: `Không làm sạch được mã HTML của các bài (${detail}). Chưa nhập gì; hãy thử lại.`,
    cause: error,
  });
}
