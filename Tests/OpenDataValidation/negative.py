#!/usr/bin/env python3
"""Checks that the open-data validators can fail, and what validate.py does not look at.

Usage: negative.py PUBLIC_DIR

- copies of real documents of the built site, each broken in one way (a label that is not its
  value's, a URL outside the site, an impossible date, an unknown roll-up key, an unknown key,
  a missing required key, a link-table row pointing to a missing entry; in api/v2/, a `next`
  outside the site, a list entry carrying its body, a page number 0), must each be rejected
  by the same validators validate.py uses (jsonschema with the strict copy of the published
  schema, frictionless), while the copy unbroken passes;
- an unknown key must pass the published schema itself (each version grows additively); in
  api/v2/ and, while the site writes it, api/v1/;
- every CSV file uses CRLF line ends (a bare CR or LF only inside a quoted field);
- every absolute URL of the site in api/ starts with base_url and resolves to a built file
  (and, with a #fragment, to an element of that page).
Exits 1 and lists every problem.
"""
import copy
import csv
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).parent))
from validate import api_versions, data_package, load, schema_for, strict  # noqa: E402

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def errors(schema, document):
    return list(Draft202012Validator(schema).iter_errors(document))


def find(value, test, path=()):
    """The path of the first dict in `value` (depth first) for which `test` holds."""
    if isinstance(value, dict):
        if test(value):
            return path
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = find(item, test, path + (key,))
        if found is not None:
            return found
    return None


def at(document, path):
    for key in path:
        document = document[key]
    return document


def entry_documents(api):
    """Entries' documents: not the schemas, nor the reporting periods' (whose folder has a
    `period.json` schema)."""
    for path in sorted(api.glob("*/*.json")):
        if path.parent.name != "schema" and not (api / "schema" / path.parent.name / "period.json").exists():
            yield path


def period_documents(api):
    for schema in sorted(api.glob("schema/*/period.json")):
        yield from sorted((api / schema.parent.name).glob("*.json"))


def breakages(api, base_url):
    """(name, path of the document, function that breaks a copy in place) for each kind of fault."""
    entries = [(path, load(path)) for path in entry_documents(api)]

    def first(test):
        for path, document in entries:
            if find(document, test) is not None:
                return path
        return None

    def relabel(document):
        pair = at(document, find(document, lambda d: set(d) >= {"value", "label"} and "count" not in d))
        pair["label"] = pair["label"] + " (otro)"

    def unknown_rollup_key(document):
        document["rollups"][0]["counts"]["no-such-status"] = 1

    def bad_date(document):
        document["history"][0]["date"] = "2022-02-30"

    def bad_snapshot_label(document):
        usable = (c for c in document["collections"] if c["snapshots"] and len(c["snapshots"][0]["counts"]) > 1)
        snapshot = next(usable)["snapshots"][0]
        snapshot["counts"][0]["label"] = snapshot["counts"][1]["label"]

    with_enum = first(lambda d: set(d) >= {"value", "label"} and "count" not in d)
    with_rollup = next((path for path, document in entries if document["rollups"]), None)
    with_history = next((path for path, document in entries if document["history"]), None)
    any_entry = entries[0][0]
    periods = [(path, load(path)) for path in period_documents(api)]
    with_change = next((path for path, d in periods if any(c["changes"] for c in d["collections"])), None)

    def unknown_change_kind(document):
        next(c for c in document["collections"] if c["changes"])["changes"][0]["kind"] = "exploded"
    catalog = api / "index.json"
    has_snapshot = any(len(c["snapshots"][0]["counts"]) > 1 for c in load(catalog)["collections"] if c["snapshots"])
    cases = [
        ("a label that is not its value's", with_enum, relabel),
        ("a page URL outside base_url", any_entry, lambda d: d.update(url="https://example.com/elsewhere/")),
        ("a reference URL that is not a URL", with_enum, lambda d: d.update(api="not a url")),
        ("an impossible date", with_history, bad_date),
        ("a month 13 in the catalog", catalog, lambda d: d.update(content_date="2022-13")),
        ("an unknown roll-up key", with_rollup, unknown_rollup_key),
        ("an unknown key (strict copy)", any_entry, lambda d: d.update(unexpected=True)),
        ("an unknown key in a field (strict copy)", any_entry, lambda d: d["fields"].update(unexpected=1)),
        ("a missing required key", any_entry, lambda d: d.pop("title")),
        ("a missing body_html", any_entry, lambda d: d.pop("body_html")),
        ("a snapshot count with another value's label", catalog if has_snapshot else None, bad_snapshot_label),
        ("a list entry without its id", api / (any_entry.parent.name + ".json"), lambda d: d["entries"][0].pop("id")),
        ("a period's change of no known kind", with_change, unknown_change_kind),
        ("a period without its end", periods[0][0] if periods else None, lambda d: d.pop("end")),
    ]
    if api.name == "v2":
        first_page = api / (any_entry.parent.name + ".json")
        cases += [
            ("a next page outside base_url", first_page, lambda d: d.update(next="https://example.com/2.json")),
            ("a list entry with its body (v2 lists are lean)", first_page,
             lambda d: d["entries"][0].update(body_html="<p>x</p>")),
            ("a page number 0", first_page, lambda d: d.update(page=0)),
        ]
    return [(name, path, breaker) for name, path, breaker in cases if path is not None]


def check_breakages(public):
    return sum(check_version_breakages(api) for api in api_versions(public))


def check_version_breakages(api):
    base_url = load(api / "index.json")["base_url"]
    checked = 0
    for name, path, breaker in breakages(api, base_url):
        document = load(path)
        schema = load(schema_for(api, path))
        if errors(strict(schema), document):
            problem(path, f"the unbroken document fails before breaking it with {name}")
            continue
        broken = copy.deepcopy(document)
        breaker(broken)
        if not errors(strict(schema), broken):
            problem(path, f"the validator accepted {name}")
        checked += 1
    # Additive changes: the published schema itself accepts a key it does not know.
    path = next(entry_documents(api))
    document = load(path)
    document["added_in_a_later_v1"] = {"anything": [1]}
    if errors(load(schema_for(api, path)), document):
        problem(path, "the published schema rejects an unknown key; v1 must accept additions")
    return checked


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def check_link_table(public):
    """A pair of a link table that points to a missing entry must fail the Data Package."""
    from frictionless import validate

    package_path = data_package(public)
    folder_name = package_path.parent.name
    package = load(package_path)
    links = [
        resource
        for resource in package["resources"]
        if len(resource["schema"].get("primaryKey", [])) == 2
        and all(key["reference"]["resource"] for key in resource["schema"]["foreignKeys"])
        and resource["schema"]["primaryKey"] == [key["fields"] for key in resource["schema"]["foreignKeys"]]
    ]
    links = [resource for resource in links if len(rows_of(package_path.parent / resource["path"])) > 1]
    if not links:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        copied = Path(folder) / folder_name
        shutil.copytree(package_path.parent, copied)
        table = copied / links[0]["path"]
        rows = rows_of(table)
        rows[1][1] = "no-such-entry"
        with open(table, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(rows)
        report = validate(str(copied / "datapackage.json"))
        if report.valid:
            problem(links[0]["path"], "frictionless accepted a pair pointing to a missing entry")
        elif not any(error.type == "foreign-key" for task in report.tasks for error in task.errors):
            problem(links[0]["path"], "a pair pointing to a missing entry failed, but not as a foreign key")
    return len(links[:1])


def check_crlf(public):
    checked = 0
    for path in sorted(data_package(public).parent.glob("*.csv")):
        text = path.read_bytes().decode("utf-8")
        quoted = False
        for index, character in enumerate(text):
            if character == '"':
                quoted = not quoted
            elif not quoted and character == "\n" and (index == 0 or text[index - 1] != "\r"):
                problem(path, f"a line ends in LF alone at character {index}")
                break
            elif not quoted and character == "\r" and text[index + 1 : index + 2] != "\n":
                problem(path, f"a line ends in CR alone at character {index}")
                break
        if not text.endswith("\r\n"):
            problem(path, "the last line does not end in CRLF")
        checked += 1
    return checked


# Keys whose values are URLs of the site itself (values of `url` fields are the content's own).
OWN_URL_KEYS = {
    "url", "api", "schema", "entry_schema", "csv", "json", "atom", "datapackage", "base_url", "$id", "first", "prev",
    "next",
}


def own_urls(value, in_fields=False):
    """Every (key, URL) of the site in a document; a history item's `id` is one too."""
    if isinstance(value, dict):
        is_history = {"id", "field", "date"} <= set(value)
        for key, item in value.items():
            if isinstance(item, str) and not in_fields and (key in OWN_URL_KEYS or (key == "id" and is_history)):
                yield key, item
            elif key == "pages" and isinstance(item, list) and not in_fields:
                # The catalog's pages of a v2 list.
                yield from ((key, url) for url in item)
            elif isinstance(item, (dict, list)):
                yield from own_urls(item, in_fields=(key == "fields"))
    elif isinstance(value, list):
        for item in value:
            yield from own_urls(item)


def check_urls(public):
    api = public / "api"
    base_url = load(api / "v2" / "index.json")["base_url"]
    pages = {}
    checked = 0
    for path in sorted(api.rglob("*.json")):
        document = load(path)
        for key, url in own_urls(document if path.parent.name != "schema" else {"$id": document.get("$id")}):
            if url is None:
                continue
            checked += 1
            if not url.startswith(base_url):
                problem(path, f"{key} {url} does not start with base_url {base_url}")
                continue
            target, _, fragment = url[len(base_url) :].partition("#")
            file = public / (target + "index.html" if target == "" or target.endswith("/") else target)
            if not file.is_file():
                problem(path, f"{key} {url} resolves to no built file ({file.relative_to(public)})")
                continue
            if fragment:
                html = pages.setdefault(file, file.read_text(encoding="utf-8"))
                if not re.search(r'\sid="' + re.escape(fragment) + '"', html):
                    problem(path, f"{key} {url}: no id={fragment} in {file.relative_to(public)}")
    return checked


def main():
    public = Path(sys.argv[1] if len(sys.argv) > 1 else "public").resolve()
    broken = check_breakages(public)
    links = check_link_table(public)
    tables = check_crlf(public)
    urls = check_urls(public)
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} open-data problems")
        sys.exit(1)
    print(
        f"open data rejects what it must: {broken} broken documents rejected, {links} link table with a "
        f"missing entry rejected; {tables} CSV files in CRLF; {urls} site URLs under base_url, all built"
    )


if __name__ == "__main__":
    main()
