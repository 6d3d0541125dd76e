//! ZIP archives of files that are already compressed (a replay's PNG frames): each
//! entry stored as it is (method Stored), in the order given. Entries carry the
//! format's earliest date, 1980-01-01, as core reads no clock (and the `zip` crate is
//! built without its `time` feature).

use ::zip::result::ZipError;
use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, ZipWriter};
use std::io::{Cursor, Write};

/// `files`, each a name (a path inside the archive, `/` between folders) and its
/// bytes, packed into one ZIP archive without compression. Fails on a name given
/// twice or a file too large for a plain ZIP (4 GiB).
pub fn stored(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut archive = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, bytes) in files {
        let failed = |e: ZipError| format!("{name} could not be put in the archive: {e}");
        archive.start_file(name.as_str(), options).map_err(failed)?;
        archive
            .write_all(bytes)
            .map_err(|e| failed(ZipError::Io(e)))?;
    }
    archive
        .finish()
        .map(Cursor::into_inner)
        .map_err(|e| format!("the archive could not be written: {e}"))
}
