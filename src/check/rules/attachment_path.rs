//! CAT034 attachment-path: an attachment path that leaves the folder of its file.
//!
//! Emitted by the attachment check (`load/attachments.rs`) once the documents are read; the
//! examples' attachment files are stand-ins written as text (`{{symlink}}` makes a link).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ATTACHMENT_PATH,
    fails: &[
        (
            "catalog/national/000120010000.yaml",
            "result: {type: certificate, name: 居住证, sample_file: {file: ../regions/440300/居住证样本.pdf, name: 居住证样本, illustrative: true}}\n",
        ),
        (
            "catalog/regions/440300/居住证样本.pdf",
            "%PDF-1.4\n% a stand-in, not an official sample\n",
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
