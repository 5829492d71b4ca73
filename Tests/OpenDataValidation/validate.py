#!/usr/bin/env python3
"""Validates the open data of a built avance site with third-party validators.

Usage: validate.py PUBLIC_DIR

- every JSON document under api/v2/ (and api/v1/, while the site still writes it) against the JSON Schema (2020-12) the site publishes for it
  (python-jsonschema), made strict (unknown keys forbidden, see `strict`), and every schema
  against the 2020-12 meta-schema;
- each v2 list's pages against the catalog's `pages`: `page`, `pages`, `prev` and `next` in order,
  every entry of the collection on exactly one page;
- feed.json against the required fields of JSON Feed 1.1 and feed.xml against RFC 4287 (Atom);
- sitemap.xml as XML with the sitemaps.org namespace;
- the Data Package the API catalog names (datos/datapackage.json for a Spanish site, data/… for an
  English one) and its CSV files with frictionless (types, constraints, foreign keys).
Exits 1 and lists every problem when anything is invalid.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def data_package(public):
    """The Data Package's file, found from the API catalog (its folder is a word of the site's
    language: `datos/`, `data/`), not from a folder name written here."""
    catalog = load(public / "api" / "v2" / "index.json")
    url, base = catalog["datapackage"], catalog["base_url"]
    if not url.startswith(base):
        problem("api/v2/index.json", f"the Data Package {url} is not under the base URL {base}")
        return public / "datapackage.json"
    return public / url[len(base):]


def strict(schema):
    """A copy of `schema` that forbids unknown keys: `additionalProperties: false` on every object
    schema (`"type": "object"` with `properties`) that says nothing about them.

    The published schemas allow unknown keys, so that a client validating with a cached v1
    schema keeps working after an additive change; the tests validate with this copy, so that
    a key the documents carry and their schema does not describe is still caught."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: strict(value) for key, value in schema.items()}
    types = copy.get("type")
    is_object = types == "object" or (isinstance(types, list) and "object" in types)
    if is_object and "properties" in copy and "additionalProperties" not in copy:
        copy["additionalProperties"] = False
    return copy


def schema_for(api, document):
    """The schema path that describes an API document, by the API's layout."""
    relative = document.relative_to(api)
    if relative.parts[0] == "schema":
        return None
    if relative == Path("index.json"):
        return api / "schema" / "index.json"
    if len(relative.parts) == 1:
        return api / "schema" / relative.name
    if len(relative.parts) == 3 and relative.parts[1] == "pages":
        # A later page of a v2 list (`acciones/pages/2.json`): the list's schema.
        return api / "schema" / (relative.parts[0] + ".json")
    # A period's document names its schema (`schema/periodos/period.json`); an entry's is its
    # collection's `entry.json`.
    period = api / "schema" / relative.parts[0] / "period.json"
    if period.exists():
        return period
    return api / "schema" / relative.parts[0] / "entry.json"


def api_versions(public):
    """The API folders the site writes: api/v2/ always, api/v1/ while `api_v1: true` keeps it."""
    versions = [public / "api" / "v2"]
    if (public / "api" / "v1").is_dir():
        versions.insert(0, public / "api" / "v1")
    return versions


def validate_api(public):
    return sum(validate_version(api) for api in api_versions(public))


def validate_list_pages(api):
    """Each v2 list: the pages the catalog names, chained by prev/next, every entry once."""
    catalog = load(api / "index.json")
    base = catalog["base_url"]
    for collection in catalog["collections"]:
        urls = collection["pages"]
        if urls[0] != collection["api"]:
            problem(api / "index.json", f"{collection['name']}: the first page is not `api`")
        seen = []
        for number, url in enumerate(urls, start=1):
            page = load(api.parent.parent / url[len(base):])
            seen += [entry["id"] for entry in page["entries"]]
            expected_prev = urls[number - 2] if number > 1 else None
            expected_next = urls[number] if number < len(urls) else None
            if (page["page"], page["pages"], page["prev"], page["next"]) != (
                number, len(urls), expected_prev, expected_next
            ):
                problem(url, "page, pages, prev or next do not match the catalog's pages")
        if len(seen) != len(set(seen)) or len(seen) != collection["documented"]:
            problem(api / "index.json", f"{collection['name']}: its pages do not list each entry once")


def validate_version(api):
    checked = 0
    if api.name == "v2":
        validate_list_pages(api)
    for schema_path in sorted((api / "schema").rglob("*.json")):
        try:
            Draft202012Validator.check_schema(load(schema_path))
        except jsonschema.SchemaError as error:
            problem(schema_path, f"invalid schema: {error.message}")
    for document in sorted(api.rglob("*.json")):
        schema_path = schema_for(api, document)
        if schema_path is None:
            continue
        if not schema_path.exists():
            problem(document, f"no schema at {schema_path}")
            continue
        schema = strict(load(schema_path))
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for error in validator.iter_errors(load(document)):
            problem(document, f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
        checked += 1
    return checked


def rfc3339(value):
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return "T" in value
    except ValueError:
        return False


def validate_json_feed(public):
    path = public / "feed.json"
    feed = load(path)
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problem(path, "version must be https://jsonfeed.org/version/1.1")
    if not isinstance(feed.get("title"), str):
        problem(path, "title is required")
    if not isinstance(feed.get("items"), list):
        problem(path, "items is required")
        return 0
    ids = set()
    for index, item in enumerate(feed["items"]):
        if not isinstance(item.get("id"), str) or not item["id"]:
            problem(path, f"items[{index}].id is required")
        if item.get("id") in ids:
            problem(path, f"items[{index}].id is not unique")
        ids.add(item.get("id"))
        if not (isinstance(item.get("content_text"), str) or isinstance(item.get("content_html"), str)):
            problem(path, f"items[{index}] needs content_text or content_html")
        for key in ("date_published", "date_modified"):
            if key in item and not rfc3339(item[key]):
                problem(path, f"items[{index}].{key} is not RFC 3339")
    dates = [item.get("date_published", "") for item in feed["items"]]
    if dates != sorted(dates, reverse=True):
        problem(path, "items are not newest first")
    return len(feed["items"])


def validate_atom(public):
    path = public / "feed.xml"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        problem(path, f"not XML: {error}")
        return 0
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        problem(path, "the root must be atom:feed")
    for element in ("id", "title", "updated"):
        if root.find(f"a:{element}", ns) is None:
            problem(path, f"feed needs atom:{element}")
    if not rfc3339(root.findtext("a:updated", "", ns)):
        problem(path, "feed atom:updated is not RFC 3339")
    has_author = root.find("a:author/a:name", ns) is not None
    entries = root.findall("a:entry", ns)
    for index, entry in enumerate(entries):
        for element in ("id", "title", "updated"):
            if entry.find(f"a:{element}", ns) is None:
                problem(path, f"entry {index} needs atom:{element}")
        if not rfc3339(entry.findtext("a:updated", "", ns)):
            problem(path, f"entry {index} atom:updated is not RFC 3339")
        if entry.find("a:link[@rel='alternate']", ns) is None and entry.find("a:content", ns) is None:
            problem(path, f"entry {index} needs an alternate link or content")
        if not has_author and entry.find("a:author", ns) is None:
            problem(path, f"entry {index} needs atom:author (the feed has none)")
    return len(entries)


def validate_sitemap(public):
    path = public / "sitemap.xml"
    root = ET.parse(path).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    if root.tag != "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset":
        problem(path, "the root must be sitemap urlset")
    for index, url in enumerate(root.findall("s:url", ns)):
        if not url.findtext("s:loc", "", ns).startswith("http"):
            problem(path, f"url {index} needs an absolute loc")
        lastmod = url.findtext("s:lastmod", None, ns)
        if lastmod is not None and not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", lastmod):
            problem(path, f"url {index}: lastmod {lastmod} is not a W3C date")
    return len(root)


def validate_data_package(public):
    from frictionless import Package, validate

    path = data_package(public)
    report = validate(str(path))
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                problem(task.name, f"{error.type}: {error.message}")
        for error in report.errors:
            problem(path, f"{error.type}: {error.message}")
    return len(Package(str(path)).resources)


def main():
    public = Path(sys.argv[1] if len(sys.argv) > 1 else "public").resolve()
    documents = validate_api(public)
    items = validate_json_feed(public)
    entries = validate_atom(public)
    urls = validate_sitemap(public)
    resources = validate_data_package(public)
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} open-data problems")
        sys.exit(1)
    print(
        f"open data valid: {documents} JSON documents against their schemas, "
        f"JSON Feed with {items} items, Atom with {entries} entries, sitemap with {urls} URLs, "
        f"Data Package with {resources} resources"
    )


if __name__ == "__main__":
    main()
