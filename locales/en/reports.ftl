# The words of the command reports: the text report's lines, the notes on stderr.

## check, text format
report-explain = for more information, run `catalogc explain { $code }`
report-acknowledged = { " " }({ $count } acknowledged)
report-fix = fix: { $description } ({ $how })
report-fix-safe = `catalogc check --fix` applies it
report-fix-decision = not applied by --fix: a decision for the editor
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

## check --since: the notes on stderr
report-since = --since { $rev }: { $count } changed file(s) under the catalog root
report-since-range = the commits in the range only: uncommitted changes are not looked for
report-checked-of = checked { $checked } of { $total } catalog files
since-reason = { $path } changed: { $why } ({ $count } files)
since-everything = everything depends on it
since-item = the item, its regional entries and its events
since-region = every file of { $count } region(s) at or below it
since-entry = the entry and the same item's entries below it
since-local = the local item and its region's events
since-itself = itself

## build
report-build-errors = error: the catalog has { $errors } errors; nothing was written
report-build-wrote = wrote { $files } files ({ $kib } KiB, { $unchanged } unchanged and not rewritten, { $reused } of them not rendered again) to { $out } in { $ms } ms; open { $index }
report-build-warnings = the catalog has { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}: `catalogc check` shows them
report-no-git = note: { $root } is not in a git repository, so no Atom feeds are written

## migrate
report-migrate-nothing = the catalog is written for format { $format }; nothing to migrate
report-migrated = migrated from format { $from } to { $to }: { $files } files rewritten; run `catalogc check` and give the reasons it asks for (CAT211)
migrate-omitted = { $field }: { $lines } omitted (reason to be given)
migrate-service-point = address, hours and traffic moved into one service point (service_points)
migrate-by-hand = { $field }: could not be rewritten; add { $lines } by hand

## diff --format text
diff-score = score { $pct }% ({ $applicable } applicable: { $implemented } implemented — { $conforming } conforming, { $approved } approved, { $uncertain } uncertain, { $deviating } deviating; { $missing } missing)
diff-no-score = no applicable item (no score)
# A conformance class: same, local, improved, approved, uncertain, deviation, missing, extra.
class = { $class }
diff-count = { $class } { $count }
diff-entries = entries: { $counts }
diff-inherited = , inherited from { $at }
diff-stated = , { $at }
diff-extra = extra (local item)
diff-across = { $code } { $name } across regions
diff-national-column = national: { $count } materials: { $materials }; limit { $limit }; fees { $fees }
diff-region-column = { $name } ({ $region }): { $count } materials: { $materials }; committed { $limit }; fees { $fees }; { $class }
diff-situation = situation { $name } ({ $id })
diff-situation-added = situation { $name } ({ $id }), added by the region
diff-situation-count = { $required } required materials ({ $optional } more optional or deferrable): { $materials }
diff-situation-optional = ; optional or deferrable: { $materials }
diff-situation-differs = ; differs from the national standard: { $lines }
diff-situation-national = national: { $cell }
diff-situation-region = { $name } ({ $region }): { $cell }
diff-situation-not-handled = not handled here

## check --format markdown
markdown-counts = { $errors } errors, { $warnings } warnings in { $files } files
markdown-header = | | code | file | message |
severity = { $severity ->
    [error] error
   *[warning] warning
}
markdown-escapes = Escape hatches for the national office's review ({ $count })
markdown-no-escapes = This change adds no exception and no omission.

## CAT214's help: what changed in the national item since the recorded version (from git)
versions-since = since version { $version } (commit { $commit }): { $said }
versions-unchanged = no change to its content
# $verb: added, removed or changed.
versions-lines = { $verb } { $ids }
versions-list = { $label }: { $parts }
versions-field = { $label } changed

## check --format github
github-help = help: { $help }
github-escape = catalogc escape hatch
github-hidden = { $hidden } more findings are not shown as annotations (GitHub shows { $limit } errors and { $limit } warnings per step); run `catalogc check` to see all of them
diff-region = { $name } ({ $code }, { $level })

## The text report's level names (as rustc prints them)
level-error = error
level-warning = warning
level-help = help
level-note = note

## Why a command could not run (exit status 2)
cli-error = error: { $message }
cli-error-did-you-mean = ; did you mean { $near }?
cli-error-none-exist = { " " }(there are none)
cli-error-no-root = no catalog root (a folder with catalog/catalog.yaml) at or above { $dir }
cli-error-unknown-code = no rule has the code `{ $code }`; `catalogc rules` lists them
cli-error-bad-date = `{ $date }` is not a date of the form YYYY-MM-DD
cli-error-unknown-region = `--region { $region }` matches no region folder in catalog/regions/
cli-error-unknown-item = `--item { $item }` matches no national item in catalog/national/
cli-error-not-a-repository = { $root } is not in a git repository, so the history cannot be read
cli-error-git = git could not answer
cli-error-range-not-at-head = `{ $range }` does not end at HEAD: check --since reads the files in the work tree, so a range must end at the commit checked out (`A..HEAD`)
cli-error-templates = the templates cannot be used
cli-error-migrate = cannot rewrite the catalog's files
cli-error-man = cannot write the man pages or completion script
cli-error-write = cannot write the fixes or the baseline
cli-error-build = build failed, the previous output is untouched
cli-error-merge = cannot merge the shards: { $error }
cli-error-author = { $error }; nothing was written
cli-error-lsp = the language server stopped: { $error }
cli-error-serve-bind = cannot listen on 127.0.0.1:{ $port }
cli-error-serve-watch = cannot watch the catalog's files for changes

## merge: why shards cannot be joined (exit status 2)
cli-error-cause = caused by: { $cause }
merge-usage-no-shard = merge needs at least one shard
merge-usage-site-output = --kind site needs the output folder: -o OUT
merge-usage-site = --kind site merges build folders
merge-usage-report-not-shard = merge writes a report, not a shard: choose another --format
merge-usage-conformance-format = merge --kind conformance writes the report of `diff --format json`: leave out --format
merge-usage-check-shard = --format shard needs --region (a province of the shard) and no --since, --whole-catalog or --write-baseline
merge-usage-diff-shard = --format shard needs --region (a province of the shard) and no --item or --whole-catalog
merge-read = cannot read shard { $path }: { $error }
merge-not-a-shard = { $path } is not a catalogc shard (format version { $version }): { $error }
merge-other-version = format version { $version }
merge-kind = { $path } is a { $found } shard, not a { $expected } shard (--kind { $expected })
merge-differs = shards from different { $what }: { $first } has { $a }, { $other } has { $b }; run every shard on the same catalog
merge-what-catalogc = catalogc versions
merge-what-commit = commits
merge-what-standard = catalogs or standards (schemas, policy, national files)
merge-what-as-of = reference dates
merge-what-lang = languages
merge-what-units = lists of provinces
merge-no-commit = no commit
merge-overlap = province { $unit } is in two shards: { $first } and { $other }
merge-missing = no shard covers province(s) { $units }{ $more }: run `check --region P --format shard` (or `diff`) for each
merge-missing-more = { " " }and { $count } more
merge-national = { $first } and { $other } disagree on the national files: they were not run on the same catalog
merge-write = cannot write { $path }: { $error }
merge-site-not-a-shard = { $shard } is not a build shard: { $why }
merge-site-version = shard.json is version { $version }, this catalogc reads { $expected }
merge-site-overlap = region { $region } is in two shards, { $first } and { $second }
merge-site-other-catalog = { $shard } was built from other national files, schemas, templates, reference date or catalogc version
merge-site-feeds = { $shard } was built with feeds where the first shard was not, or the other way round
merge-site-missing = no shard holds region { $region }
merge-site-conflict = { $first } and { $second } hold different files at { $path }: they were not built from the same catalog

## init and new
author-exists = { $path } exists; catalogc does not overwrite it
author-cannot-write = cannot write { $path }: { $error }
author-already-a-root = { $root } is already a catalog root: --national only sets up a new one
author-settings-by-hand = cannot add the schema associations to { $file }: { $why }; add this to it by hand:
    "yaml.schemas": { $lines }
author-empty-title = --title is empty
author-no-national = --national { $dir }: no catalog there (a folder holding catalog/catalog.yaml and catalog/national/)
author-bad-region-code = `{ $code }` is not a 6-digit GB/T 2260 region code; give --level for another kind of code
author-empty-name = --name is empty
author-no-such-parent = the parent region { $parent } does not exist (no catalog/regions/{ $parent }/region.yaml); create it first with `catalogc new region { $parent } --name …`
author-no-parent = no parent region for { $code }: neither its city nor its province exists; create one first or give --parent
author-no-region = no region { $region } (catalog/regions/{ $region }/region.yaml is missing or invalid: run `catalogc check`)
author-no-item = no national item { $item } (catalog/national/{ $item }.yaml is missing or invalid)
author-retired-item = the national item { $item } { $name } is retired: regions no longer implement it
author-national-code = { $code } is a national item's code: write the region's entry for it with `catalogc new entry --region { $region } --item { $code }`
report-build-units-kept = { $kept } of { $units } provinces were unchanged since the last build and were taken from it without being compiled again
report-build-regions-kept = { $kept } of the { $regions } regions of the provinces compiled again were unchanged: their summaries and their part of the conformance report were taken from the last build
