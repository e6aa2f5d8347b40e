# Regions and references (CAT2xx level rules, CAT3xx).

## Shared pieces
region-named = `{ $code }` ({ $name })
region-code = `{ $code }`
region-level = the region's level
region-code-label = the region's code

## CAT201 level-not-delivering
cat201-message = { $name } ({ $region }) is a { $level } region, below every level that delivers item { $item }
cat201-label = the item is delivered at these levels
cat201-help = remove the entry, or ask the national office to extend the item's `levels`

## CAT202 entry-level
cat202-message = entry level `{ $level }` differs from the region's level `{ $region_level }`
cat202-help = set `level: { $region_level }`

## CAT211 omission-reason
cat211-message = `{ $line }` is omitted without a reason
cat211-label = no reason
cat211-help = write the reason the region no longer asks for it: `omitted: 理由`

## CAT214 standard-version
cat214-behind = the national item { $item } is at version { $current }; this entry was reviewed against version { $recorded }
cat214-ahead = the entry records version { $recorded } of national item { $item }, which is at version { $current }
cat214-label = version { $recorded }
cat214-help = review the entry against version { $current } of the standard, then set `standard_version: { $current }`

## CAT301 unknown-item
cat301-message = no national item `{ $code }` exists for this entry to implement
cat301-help-near = did you mean `{ $near }`? rename the file
cat301-help = add catalog/national/{ $code }.yaml, or move a region-only item to local/

## CAT302 unknown-ref
cat302-message = national item { $code } has no line `{ $reference }` in `{ $list }`
cat302-label = known ids: { $ids }
cat302-label-none = known ids: none
cat302-help = use one of the national ids, or drop `ref` to add a line (a deviation that needs an exception)

## CAT303 unknown-law
cat303-message = law `{ $id }` is not in the laws registry
cat303-help = add it to catalog/registries/laws.yaml, or correct the id
cat303-replacement-help = add the replacing law to the registry, or correct the id

## CAT304 unknown-certificate
cat304-message = e-certificate type `{ $id }` is not in the certificates registry
cat304-help = add it to catalog/registries/certificates.yaml, or correct the id

## CAT305 unknown-member
cat305-message = event member `{ $code }` is not a national item
cat305-help = use the code of an item in catalog/national/
cat305-message-local = event member `{ $code }` is neither a national item nor a local item of { $region }
cat305-help-local = use the code of an item in catalog/national/ or catalog/regions/{ $region }/local/

## CAT306 unknown-parent
cat306-message = parent region `{ $parent }` does not exist
cat306-help = add catalog/regions/{ $parent }/region.yaml, or correct the code

## CAT307 parent-level
cat307-message = parent `{ $parent }` is a { $parent_level } region, not above this { $level } region
cat307-label = the parent's level
cat307-help = a region's parent must be at a higher level

## CAT308 region-code
cat308-shape-province = XX0000
cat308-shape-city = XXXX00, the middle two digits not 00
cat308-shape-county = XXXXXX, the last two digits not 00
cat308-shape = region code `{ $code }` has the shape of a { $shape } code ({ $pattern }), but the region is { $level }
cat308-shape-help = a { $level } region's GB/T 2260 code is { $pattern }: correct the code (and the folder's name) or the level
cat308-parent = region code `{ $code }` does not lie under its parent `{ $parent }` ({ $name }): a region under a { $parent_level } region begins with its { $length } leading digits `{ $prefix }`
cat308-parent-label = the parent's code
cat308-parent-help = correct `parent`, or the region's code (and the folder's name), from GB/T 2260

## CAT309 credit-code-region
cat309-message = credit code `{ $code }` was registered in region { $registered }, which is neither this entry's region { $region } nor a region above it
cat309-label = characters 3–8: registered in `{ $registered }`
cat309-region = the entry's region
cat309-help = correct the code from the 统一社会信用代码 register: a department registered in this region, in a region above it (a provincial department may serve a city) or centrally (`100000`) is accepted; if another region's department really implements the item here, name it in `entrusting_department` or `co_departments` and give the implementing body's own code (an `exceptions` entry is not the way: it approves deviations from the national standard)

## CAT310 local-code-region ($whose: city or province)
cat310-message = local item code `{ $code }` does not begin with `{ $prefix }`: a local item of { $name } `{ $region }` ({ $level }) begins with { $whose ->
    [city] the city's 4 leading digits
   *[province] the 2 leading digits of its province
}
cat310-help = number the item from `{ $prefix }` (a city's local items begin with its 4 leading digits, other regions' with their province's 2), and rename the file to the new code

## CAT311 duplicate-region-name
cat311-message = region name `{ $name }` is also the name of region { $others }
cat311-label = the same name for `{ $code }`
cat311-help = give each region its own GB/T 2260 name; a folder copied from another region needs its `name` changed too

## CAT312 local-item-level
cat312-message = local item { $code } of { $name } ({ $level }) is not delivered at { $level }
cat312-help = add `{ $level }` to `levels`, or move the item to the folder of the region that delivers it

## CAT313 event-size
cat313-message = a regional event lists { $count } members, not 3 to 9
cat313-help = bundle 3 to 9 items, or split the event

# CAT314 repealed-law
cat314-message = cites { $title } (`{ $id }`), repealed on { $date }
cat314-message-future = cites { $title } (`{ $id }`), which is repealed on { $date }
cat314-help-replaced = cite the law that replaces it, { $title } (`{ $id }`), and review the item against it
cat314-help = cite the law in force; if none replaces it, the national office must re-examine the item's basis

# CAT315 law-amended
cat315-message = { $title } (`{ $id }`) was amended on { $date }, after this file was last reviewed
cat315-help = confirm the content against the amended text, then move `reviewed` to the date you did

## CAT316 unknown-situation
cat316-message = `situations` of this line in `{ $list }` names `{ $id }`, which is not a situation of the item
cat316-label = known situations: { $ids }
cat316-label-none = the item has no situations
cat316-help = did you mean `{ $id }`?
cat316-help-none = name a situation of the national item, or one the region adds in its own `situations`

## CAT317 overlapping-restatement
cat317-message = `ref: { $reference }` is stated twice in `{ $list }` for the same situation: { $situations }
cat317-label = the second line
cat317-first = the first line for this situation
cat317-help = give each line for the same `ref` its own situations (`situations: [...]`), or merge the lines

## CAT318 deferred-proof
cat318-message = material `{ $id }` proves the situation { $situation } and is accepted to follow later (`deferrable`)
cat318-label = 容缺 here
cat318-help = the proof of a situation must be checked at acceptance: remove `deferrable` here, or restrict the line to the situations it does not prove

## CAT319 waived-deferrable
cat319-message = material `{ $id }` is waived (`waived_by: { $waived_by }`) and also accepted to follow later (`deferrable`)
cat319-help = a waived material is not handed in at all; keep `waived_by` or `deferrable`, not both
