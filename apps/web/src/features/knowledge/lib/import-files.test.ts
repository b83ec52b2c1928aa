import { describe, expect, it } from 'vitest';
import { checkImportFiles } from './import-files';

const file = (name: string, size = 10, type = '') => ({ name, size, type }) as File;

describe('files picked for an import', () => {
  it('takes one zip, or Markdown files', () => {
    expect(checkImportFiles([file('wiki-export.zip')])).toBeNull();
    expect(checkImportFiles([file('a.md'), file('b.markdown')])).toBeNull();
  });

  it('says in plain words what is wrong before anything is sent', () => {
    expect(checkImportFiles([])).toBe('Choose a zip archive or one or more Markdown (.md) files.');
    expect(checkImportFiles([file('a.zip'), file('b.md')])).toBe('Choose one zip archive, or Markdown files, but not both at once.');
    expect(checkImportFiles([file('big.zip', 21 * 1024 * 1024)])).toBe('big.zip is larger than 20 MiB.');
    expect(checkImportFiles([file('notes.md'), file('logo.png')])).toBe('logo.png is neither a zip archive nor a Markdown file.');
    expect(checkImportFiles([file('huge.md', 2 * 1024 * 1024)])).toBe('huge.md is larger than 1 MiB.');
  });
});
