"""Checks the JSON Schemas `avance schema` writes with a third-party validator (Python's
jsonschema, draft-07): every file of a site must validate against the schemas associated with
it, as it does in `avance build`. Front matter is read as YAML 1.2 reads it (no timestamps, no
yes/no booleans), as the YAML language server of editors does.
Usage: check_front_matter_schemas.py SITE_ROOT ASSOCIATIONS_JSON
ASSOCIATIONS_JSON is a list of {"schema": path, "files": glob, "excluding": [glob, ...]}, as
`avance schema` prints them; relative paths are relative to SITE_ROOT. Prints one line per
problem and exits 1 when there is any, or when a schema is for no file at all."""
import sys, os, glob, json, yaml, jsonschema
class Loader(yaml.SafeLoader): pass
# YAML 1.2 core: no timestamps, no yes/no booleans
Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in ('tag:yaml.org,2002:timestamp','tag:yaml.org,2002:bool')] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()}
import re
Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
root, associations = sys.argv[1], json.loads(sys.argv[2])
bad = 0; n = 0; schemas_per_file = {}
for association in associations:
    schema_file = os.path.join(root, association['schema'])
    schema = json.load(open(schema_file))
    jsonschema.Draft7Validator.check_schema(schema)
    v = jsonschema.Draft7Validator(schema)
    excluded = set()
    for pattern in association.get('excluding', []):
        excluded.update(glob.glob(os.path.join(root, pattern)))
    for md in sorted(set(glob.glob(os.path.join(root, association['files']))) - excluded):
        schemas_per_file.setdefault(md, []).append(schema_file)
        text = open(md, encoding='utf-8').read()
        fm = text.split('\n---', 1)[0][4:] if text.startswith('---\n') else ''
        data = yaml.load(fm, Loader=Loader) or {}
        n += 1
        for e in v.iter_errors(data):
            bad += 1; print(md, os.path.basename(schema_file), list(e.path), e.message[:150])
for md, schemas in sorted(schemas_per_file.items()):
    if len(schemas) > 1:
        bad += 1; print(md, 'matches several schemas:', ', '.join(os.path.basename(s) for s in schemas))
print(f'{n} files checked, {bad} problems')
sys.exit(1 if bad or n == 0 else 0)
