# The words of the command reports: the text report's lines, the notes on stderr.

## check, text format
report-explain = for more information, run `catalogc explain { $code }`
report-in = in { $location }
report-escapes = escape hatches this change adds, for the national office's review ({ $count }):
report-clean = checked { $files } { $files ->
    [one] file
   *[other] files
}: no problems found
report-summary = checked { $files } { $files ->
    [one] file
   *[other] files
}: { $errors } { $errors ->
    [one] error
   *[other] errors
} and { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
