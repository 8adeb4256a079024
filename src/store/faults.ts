// The one table of SQLite and file-system faults: a raw error (SQLITE_BUSY, ENOSPC, EACCES…)
// becomes the typed error a person can act on (a message key and the file it concerns).
// The store and the CLI pass raw errors through here; only src/cli/errors.ts makes text.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../domain/errors.js';

/**
 * What was being done when the fault came: opening a cell file (`open`), reading its identity
 * (`identify`), writing a file through a temporary one (`write`), or using an open file (`use`).
 */
export type During = 'open' | 'identify' | 'write' | 'use';

/** The code of an error of SQLite or Node ('' when it has none). */
export function faultCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/** An error of SQLite, known by its code (not instanceof: the native addon may throw from another realm, as under Jest). */
export function isSqliteError(e: unknown): e is Error & { code: string } {
  return faultCode(e).startsWith('SQLITE_');
}

export function isBusy(e: unknown): boolean {
  const code = faultCode(e);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * SQLite reports a full disk as SQLITE_FULL only sometimes: when it cannot even make its
 * log files, the file "cannot be opened". The free space of the folder tells which.
 */
function diskIsFull(file: string, code: string): boolean {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  if (file === '' || !/SQLITE_(IOERR|CANTOPEN)|error\.cellFileCannotOpen/.test(code)) return false;
  try {
    const fsStat = fs.statfsSync(path.dirname(file));
    return fsStat.bavail * fsStat.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/**
 * A raw fault as the typed error the person is shown, naming `file`; anything that is no
 * fault of SQLite or the file system (and a UserError already made) is returned unchanged.
 */
export function storeError(e: unknown, file: string, during: During): unknown {
  if (e instanceof UserError) {
    // A file that "cannot be opened" on a full disk: the disk is the thing to fix.
    if (during === 'use' && e.key === 'error.cellFileCannotOpen' && diskIsFull(file, e.key)) return new UserError('error.diskFull');
    return e;
  }
  const code = faultCode(e);
  if (code === '' && !(e instanceof Error && /null bytes/.test(e.message))) return e;
  switch (during) {
    case 'open':
      if (/CANTOPEN|PERM|READONLY/.test(code)) return new UserError('error.cellFileCannotOpen', { file });
      return e;
    case 'identify':
      if (/NOTADB|CORRUPT/.test(code)) return new UserError('error.notACellFile', { file });
      // A WAL file needs its -shm beside it even to be read: a read-only folder cannot hold one.
      if (code === 'SQLITE_READONLY_DIRECTORY') return new UserError('error.cellFolderReadOnly', { file });
      return e;
    case 'write':
      return writeFault(e, code, file);
    case 'use':
      return useFault(e, code, file);
  }
}

/** A failed write, naming the file asked for (not the temporary one). */
function writeFault(e: unknown, code: string, file: string): unknown {
  if (isBusy(e)) return new UserError('error.fileBusy', { file });
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new UserError('error.diskFull');
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return new UserError('error.readOnly', { file });
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    return new UserError('error.noPermission', { file });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // A folder that is there but takes no new file (/proc and the like) is not a missing one.
    if (fs.existsSync(path.dirname(file))) return new UserError('error.readOnly', { file });
    return new UserError('error.folderMissing', { file: path.dirname(file) });
  }
  if (code === 'EISDIR') return new UserError('error.outIsFolder', { file });
  if (code === 'ENAMETOOLONG') return new UserError('error.fileNameTooLong', { file: file.slice(0, 120) + '…' });
  return e;
}

/** A fault while using a file (or from anywhere, with the file it names, if any). */
function useFault(e: unknown, code: string, cellFile: string): unknown {
  // A file-system error names its own file; SQLite's errors do not, so they name the cell file.
  const file = (e as { path?: unknown }).path;
  return useFaultOf(e, code, typeof file === 'string' ? file : cellFile);
}

function useFaultOf(e: unknown, code: string, file: string): unknown {
  if (isBusy(e)) return new UserError('error.fileBusy', { file });
  if (diskIsFull(file, code)) return new UserError('error.diskFull');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new UserError('error.damaged', { file });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new UserError('error.readOnly', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('error.noPermission', { file });
  // A NUL character typed into a file name: Node refuses the path before any file is touched.
  if (code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(String((e as Error).message))) return new UserError('error.fileNameInvalid');
  if (code === 'ENAMETOOLONG') return new UserError('error.fileNameTooLong', { file: file.slice(0, 120) + '…' });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('error.folderMissing', { file });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) return new UserError('error.cellFileCannotOpen', { file });
  return e;
}
