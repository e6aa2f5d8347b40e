//! CAT032 attachment-type: an attachment that is not PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG.
//!
//! Emitted by the attachment check (`load/attachments.rs`) once the documents are read; the
//! examples' attachment files are stand-ins written as text (`{{symlink}}` makes a link).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ATTACHMENT_TYPE,
    fails: &[
        (
            "catalog/national/000120010000.yaml",
            "result: {type: certificate, name: 居住证, sample_file: {file: 000120010000/居住证样本.pdf, name: 居住证样本, illustrative: true}}\n",
        ),
        (
            "catalog/national/000120010000/居住证样本.pdf",
            "<html>not a PDF</html>\n",
        ),
    ],
    passes: &[
        (
            "catalog/national/000120010000.yaml",
            "result: {type: certificate, name: 居住证, sample_file: {file: 000120010000/居住证样本.pdf, name: 居住证样本, illustrative: true}}\n",
        ),
        (
            "catalog/national/000120010000/居住证样本.pdf",
            "%PDF-1.4\n% a stand-in, not an official sample\n",
        ),
    ],
    check: None,
    since: false,
};
