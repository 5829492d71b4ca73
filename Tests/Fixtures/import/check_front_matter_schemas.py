"""Checks the JSON Schemas `avance schema` writes with a third-party validator (Python's
jsonschema, draft-07): every entry of a site must validate, as it does in `avance build`.
Front matter is read as YAML 1.2 reads it (no timestamps, no yes/no booleans), as the YAML
language server of editors does. Usage: check_front_matter_schemas.py SITE_ROOT SCHEMA_FOLDER
Prints one line per problem and exits 1 when there is any."""
import sys, os, glob, json, yaml, jsonschema
class Loader(yaml.SafeLoader): pass
# YAML 1.2 core: no timestamps, no yes/no booleans
Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in ('tag:yaml.org,2002:timestamp','tag:yaml.org,2002:bool')] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()}
import re
Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
root, schemas = sys.argv[1], sys.argv[2]
bad = 0; n = 0
for schema_file in sorted(glob.glob(schemas + '/*.schema.json')):
    schema = json.load(open(schema_file))
    jsonschema.Draft7Validator.check_schema(schema)
    v = jsonschema.Draft7Validator(schema)
    folder = os.path.basename(schema_file).split('.')[0]
    for md in sorted(glob.glob(f'{root}/content/{folder}/*.md')):
        text = open(md, encoding='utf-8').read()
        fm = text.split('\n---', 1)[0][4:] if text.startswith('---\n') else ''
        data = yaml.load(fm, Loader=Loader) or {}
        n += 1
        for e in v.iter_errors(data):
            bad += 1; print(md, list(e.path), e.message[:150])
print(f'{n} files checked, {bad} problems')
sys.exit(1 if bad or n == 0 else 0)
