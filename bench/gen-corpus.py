#!/usr/bin/env python3
"""Generates a deterministic benchmark corpus: N actions with proportional milestones,
projects and partners (N/4, N/2, N/20), 5 axes, each entry a ~2 KB Markdown body with headings,
a list, a table and links to other entries.

    bench/gen-corpus.py N OUT            # an avance site: OUT/content (+ OUT/theme copied)
    bench/gen-corpus.py N OUT --hugo     # the same entries as a Hugo site (OUT/hugo.toml, layouts)
    bench/gen-corpus.py N OUT --quito    # the Quito model's full listings (either of the above)
    bench/gen-corpus.py N OUT --quito --paginate 100   # with site.yaml's `paginate_by: 100`

The bench's own model groups actions by estado and tipo. With --quito the model groups as
content/site.yaml does: actions by estado, tipo, plazo and hito; projects (which gain an eje) by
estado, eje, ejecutor and socios; partners by tipo. With either model every listing and group
page is a table of its entries with the same columns on both sides; the Hugo site makes
the group pages with one taxonomy per grouping (`acciones_estado`, …) and paginates every list at
`paginate_by` (site.yaml; `paginate` in hugo.toml, default 100) with `.Paginator`. Each listing
shows the filters avance shows: a grouping of at most 30 values (avance's default `filter_limit`)
inline with counts, a larger one as the current value and a link to its terms page (Hugo's
taxonomy page, avance's values page `acciones/hito/`), which lists every value with its count.

Every Hugo page has the page shell of avance's theme (head, header with search form and menu,
breadcrumb, footer), and an entry's page its fields, table of contents, body and history as
avance shows them; avance's entry pages also list the entries that refer to them, with the
roll-up of their statuses, which Hugo's do not (HUGO_BASEOF, HUGO_SINGLE).
Same N, same bytes: the random generator is seeded with N.
"""
import os
import random
import shutil
import sys
from pathlib import Path

WORDS = (
    "resiliencia ciudad barrio agua riesgo gestión comunidad movilidad vivienda energía "
    "ambiente economía empleo salud educación territorio planificación seguimiento proyecto "
    "acción hito socio financiamiento indicador meta impacto informe participación datos "
    "quebrada ladera parroquia cooperación municipio servicio red alerta inclusión digital"
).split()
STATES = ["preexistente", "en-marcha", "planificada", "aspiracional"]
PROJECT_STATES = ["suspendido", "no-iniciado", "finalizado", "en-marcha"]
TYPES = ["insignia", "prioritaria", "soporte"]
TERMS = ["corto", "mediano", "largo"]
PARTNER_TYPES = ["municipal", "nacional", "internacional", "privado", "academia", "sociedad-civil"]


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, links):
    """About 2 KB: two sections, a list, a table, relative links to other entries."""
    parts = [sentence(rng, 20), "", "## Contexto", "", sentence(rng) + " " + sentence(rng), ""]
    parts += [f"- {sentence(rng, 6)}" for _ in range(4)] + [""]
    parts += ["## Avances", "", "| Indicador | Valor | Nota |", "|---|---:|---|"]
    parts += [f"| {rng.choice(WORDS)} | {rng.randint(1, 100)} | {sentence(rng, 5)} |" for _ in range(4)]
    parts += ["", "Ver " + ", ".join(f"[{title}]({path})" for title, path in links) + ".", ""]
    parts += ["### Próximos pasos", "", sentence(rng, 25) + " " + sentence(rng, 25), ""]
    return "\n".join(parts)


MODEL = """title: Corpus de prueba
base_url: https://example.org/corpus/
language: es
title_field: titulo
collections:
  ejes:
    expected: 5
    order_by: [orden]
    fields: {titulo: {type: string, required: true}, orden: {type: int, required: true}}
  hitos:
    fields: {titulo: {type: string, required: true}, eje: {type: ref, to: ejes, required: true}}
  acciones:
    status: estado
    group_by: [estado, tipo]
    charts_by: [ejes]
    fields:
      titulo: {type: string, required: true}
      hito: {type: ref, to: hitos, required: true}
      plazo: {type: enum, values: [corto, mediano, largo]}
      estado: {type: enum, values: {preexistente: {color: "#2f4b8f"}, en-marcha: {color: "#1d6b3a"}, planificada: {color: "#8a6d00"}, aspiracional: {color: "#6b3a7a"}}}
      tipo: {type: enum, values: [insignia, prioritaria, soporte]}
      socios: {type: refs, to: socios}
  proyectos:
    status: estado
    fields:
      titulo: {type: string, required: true}
      estado: {type: enum, values: [suspendido, no-iniciado, finalizado, en-marcha], required: true}
      acciones: {type: refs, to: acciones}
      socios: {type: refs, to: socios}
      ejecutor: {type: ref, to: socios}
      historial:
        type: list
        of: {fecha: {type: date, required: true}, estado: {type: enum, values: [suspendido, no-iniciado, finalizado, en-marcha]}, nota: string}
  socios:
    fields:
      titulo: {type: string, required: true}
      tipo: {type: enum, values: [municipal, nacional, internacional, privado, academia, sociedad-civil]}
"""


QUITO_MODEL = (
    MODEL.replace("    group_by: [estado, tipo]\n", "    group_by: [estado, tipo, plazo, hito]\n")
    .replace(
        "      acciones: {type: refs, to: acciones}\n",
        "      eje: {type: ref, to: ejes}\n      acciones: {type: refs, to: acciones}\n",
    )
    .replace("  proyectos:\n    status: estado\n", "  proyectos:\n    status: estado\n    group_by: [estado, eje, ejecutor, socios]\n")
    .replace("  socios:\n    fields:\n", "  socios:\n    group_by: [tipo]\n    fields:\n")
)
# The groupings of the Quito model, as Hugo taxonomies (one per collection and field).
# avance's default `filter_limit`: a grouping with more values links to its values page.
FILTER_LIMIT = 30
QUITO_GROUPS = {"acciones": ["estado", "tipo", "plazo", "hito"], "proyectos": ["estado", "eje", "ejecutor", "socios"],
                "socios": ["tipo"]}
# The groupings of the bench's own model (MODEL's group_by).
GROUPS = {"acciones": ["estado", "tipo"]}


def entries(n, quito=False):
    """(collection, id, fields (ordered list of (key, yaml text)), links) for every entry."""
    rng = random.Random(n)
    milestones, projects, partners = max(1, n // 4), max(1, n // 2), max(1, n // 20)
    out = []
    for i in range(5):
        out.append(("ejes", f"eje-{i + 1}", [("titulo", f"Eje {i + 1}"), ("orden", str(i + 1))], []))
    for i in range(partners):
        out.append(("socios", f"socio-{i + 1}", [("titulo", f"Socio {i + 1}"), ("tipo", rng.choice(PARTNER_TYPES))], []))
    for i in range(milestones):
        out.append(("hitos", f"hito-{i + 1}", [("titulo", f"Hito {i + 1}"), ("eje", f"eje-{i % 5 + 1}")], []))
    for i in range(n):
        socios = sorted({f"socio-{rng.randint(1, partners)}" for _ in range(2)})
        fields = [
            ("titulo", f"Acción {i + 1} — {rng.choice(WORDS)} {rng.choice(WORDS)}"),
            ("hito", f"hito-{i % milestones + 1}"), ("plazo", rng.choice(TERMS)), ("estado", rng.choice(STATES)),
            ("tipo", rng.choice(TYPES)), ("socios", "[" + ", ".join(socios) + "]"),
        ]
        links = [(f"Hito {i % milestones + 1}", f"../hitos/hito-{i % milestones + 1}.md")]
        out.append(("acciones", f"accion-{i + 1}", fields, links))
    for i in range(projects):
        state = rng.choice(PROJECT_STATES)
        actions = sorted({f"accion-{rng.randint(1, n)}" for _ in range(2)})
        fields = [
            ("titulo", f"Proyecto {i + 1}"), ("estado", state), ("acciones", "[" + ", ".join(actions) + "]"),
            ("ejecutor", f"socio-{rng.randint(1, partners)}"),
        ]
        if quito:
            fields.insert(2, ("eje", f"eje-{i % 5 + 1}"))
            partners_of = sorted({f"socio-{rng.randint(1, partners)}" for _ in range(2)})
            fields.insert(4, ("socios", "[" + ", ".join(partners_of) + "]"))
        fields += [
            ("historial", f"\n  - fecha: 2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n    estado: {state}\n    nota: {sentence(rng, 8)}"),
        ]
        links = [(f"Acción {a.split('-')[1]}", f"../acciones/{a}.md#avances") for a in actions]
        out.append(("proyectos", f"proyecto-{i + 1}", fields, links))
    return out, rng


def write_avance(n, root, quito=False, paginate=None):
    content = root / "content"
    shutil.rmtree(root, ignore_errors=True)
    (content).mkdir(parents=True)
    model = QUITO_MODEL if quito else MODEL
    if paginate:
        model = model.replace("title_field: titulo\n", f"title_field: titulo\npaginate_by: {paginate}\n")
    (content / "site.yaml").write_text(model, encoding="utf-8")
    items, rng = entries(n, quito)
    for collection, ident, fields, links in items:
        folder = content / collection
        folder.mkdir(exist_ok=True)
        front = "\n".join(f"{key}: {value}" for key, value in fields)
        (folder / f"{ident}.md").write_text(f"---\n{front}\n---\n{body(rng, links)}", encoding="utf-8")
    repository = Path(__file__).resolve().parent.parent
    shutil.copytree(repository / "theme", root / "theme")


HUGO_CONFIG = """baseURL = "https://example.org/corpus/"
title = "Corpus de prueba"
disableKinds = ["taxonomy", "term", "RSS"]
[outputs]
  home = ["HTML", "JSON"]
  section = ["HTML", "JSON"]
  page = ["HTML", "JSON"]
[markup.goldmark.renderer]
  unsafe = false
"""

# Every page of the Hugo site has the page shell of avance's theme, as any real Hugo theme has one:
# the same <head> (canonical link, icons, Open Graph, style sheets, feeds), the skip link, the
# header with the site's name, its search form and its menu (the current section marked), a
# breadcrumb and the footer. An entry's page shows its fields as avance does (a reference as a
# link titled with the entry it names, an enum as a badge, a list of references as a list, a
# history as a timeline), its table of contents and its body. What avance's entry pages show and
# these do not: the entries that refer to it ("Relacionado") and the roll-up of their statuses.
HUGO_BASEOF = (
    '<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>\n'
    '<link rel="canonical" href="{{ .Permalink }}">\n'
    '<link rel="icon" href="{{ "img/favicon.svg" | relURL }}" type="image/svg+xml">\n'
    '<link rel="icon" href="{{ "img/favicon.png" | relURL }}" type="image/png" sizes="32x32">\n'
    '<meta property="og:type" content="website">\n<meta property="og:site_name" content="{{ site.Title }}">\n'
    '<meta property="og:title" content="{{ .Title }}">\n<meta property="og:url" content="{{ .Permalink }}">\n'
    '<meta property="og:image" content="{{ "img/og-image.png" | absURL }}">\n'
    '<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="630">\n'
    '<meta name="twitter:card" content="summary">\n<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">\n'
    '<link rel="alternate" type="application/feed+json" title="Cambios en el avance de la Estrategia" '
    'href="{{ "feed.json" | relURL }}">\n'
    '<link rel="alternate" type="application/atom+xml" title="Cambios en el avance de la Estrategia" '
    'href="{{ "feed.xml" | relURL }}">\n<meta name="generator" content="hugo">\n'
    '<link rel="stylesheet" href="{{ "css/search.css" | relURL }}">\n</head>\n<body>\n'
    '<a class="skip-link" href="#Contenido">Saltar al contenido</a>\n<header class="site-header">\n'
    '  <div class="wrap">\n    <a class="site-title" href="{{ "" | relURL }}">{{ site.Title }}</a>\n'
    '    <details class="site-menu">\n      <summary>Menú</summary>\n      <div class="site-menu-body">\n'
    '      <form class="site-search" role="search" aria-label="Buscar en el sitio" '
    'action="{{ "buscar/" | relURL }}" method="get">\n'
    '        <label class="site-search-label" for="site-search-q">Buscar en el sitio</label>\n'
    '        <input class="site-search-input" type="search" id="site-search-q" name="q" autocomplete="off" '
    'spellcheck="false">\n        <button class="site-search-button" type="submit">Buscar</button>\n'
    '      </form>\n      <nav class="site-nav" aria-label="Menú principal">\n        <ul>\n'
    '{{ $current := .Section }}{{ range site.Sections }}<li><a href="{{ .RelPermalink }}"'
    '{{ if eq .Section $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>\n{{ end }}'
    '<li><a href="{{ "datos/" | relURL }}">Datos abiertos</a></li>\n        </ul>\n      </nav>\n'
    '      </div>\n    </details>\n  </div>\n</header>\n'
    '<main id="Contenido" class="wrap site-main" tabindex="-1">\n'
    '{{ if not .IsHome }}<nav class="breadcrumb" aria-label="Ruta de navegación">\n'
    '  <ol><li><a href="{{ "" | relURL }}">Inicio</a></li>{{ if .IsPage }}<li><a href="{{ .Parent.RelPermalink }}">'
    '{{ .Parent.Title }}</a></li>{{ end }}</ol>\n</nav>\n{{ end }}'
    '{{ block "main" . }}{{ end }}\n</main>\n<footer class="site-footer">\n  <div class="wrap">\n'
    '    <p>Sitio generado con Hugo a partir de archivos Markdown en git. Las cifras provienen solo de fuentes '
    'citadas. <a href="{{ "datos/" | relURL }}">Datos abiertos</a>: JSON, CSV, JSON Feed, Atom. '
    '<a href="{{ "actualizaciones/" | relURL }}">Últimas actualizaciones</a>.</p>\n  </div>\n</footer>\n'
    '</body>\n</html>\n'
)

# The fields an entry's page shows, in order, by collection: [name, kind, collection referred to].
HUGO_FIELDS = {
    "ejes": [["orden", "text", ""]],
    "hitos": [["eje", "ref", "ejes"]],
    "acciones": [["hito", "ref", "hitos"], ["plazo", "enum", ""], ["estado", "enum", ""], ["tipo", "enum", ""],
                 ["socios", "refs", "socios"]],
    "proyectos": [["estado", "enum", ""], ["eje", "ref", "ejes"], ["acciones", "refs", "acciones"],
                  ["socios", "refs", "socios"], ["ejecutor", "ref", "socios"]],
    "socios": [["tipo", "enum", ""]],
}

HUGO_SINGLE = (
    '{{ define "main" }}<article class="entry">\n  <header class="entry-header">\n'
    '    <p class="kind">{{ .Section }}</p>\n    <h1>{{ .Title }}</h1>\n'
    '    <p class="data-date">Sin registros fechados</p>\n'
    '    <p class="updated"><small>Fecha de la última actualización desconocida.</small></p>\n  </header>\n'
    '  <dl class="fields">\n{{ $page := . }}{{ range index site.Params.fields .Section }}'
    '{{ $name := index . 0 }}{{ $kind := index . 1 }}{{ $to := index . 2 }}{{ with index $page.Params $name }}'
    '{{ $v := . }}    <div class="field field-{{ $name }}">\n      <dt>{{ $name }}</dt>\n      <dd>'
    '{{ if eq $kind "ref" }}<span class="value">{{ with site.GetPage (printf "/%s/%s" $to $v) }}'
    '<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</span>'
    '{{ else if eq $kind "refs" }}<ul>{{ range $v }}<li><span class="value">'
    '{{ with site.GetPage (printf "/%s/%s" $to .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
    '</span></li>{{ end }}</ul>'
    '{{ else if eq $kind "enum" }}<span class="value"><span class="badge badge-{{ $v }}">{{ $v }}</span></span>'
    '{{ else }}<span class="value">{{ $v }}</span>{{ end }}</dd>\n    </div>\n{{ end }}{{ end }}  </dl>\n'
    '{{ with .TableOfContents }}  <nav class="toc" aria-labelledby="Indice"><h2 id="Indice">Contenido</h2>'
    '{{ . }}</nav>\n{{ end }}  <div class="body">{{ .Content }}</div>\n'
    '{{ with .Params.historial }}  <section class="history" aria-labelledby="Historial">\n'
    '    <h2 id="Historial">Historial</h2>\n    <ol class="timeline">\n{{ range . }}'
    '      <li><time datetime="{{ .fecha }}">{{ .fecha }}</time><span class="timeline-sep"> — </span>'
    '<strong class="timeline-label">{{ .estado }}</strong><p>{{ .nota }}</p></li>\n{{ end }}'
    '    </ol>\n  </section>\n{{ end }}</article>\n{{ end }}'
)

HUGO_LAYOUTS = {
    "_default/baseof.html": HUGO_BASEOF,
    "_default/single.html": HUGO_SINGLE,
    "_default/single.json": "{{ dict \"title\" .Title \"params\" .Params \"url\" .Permalink | jsonify }}",
    "_default/list.json": "{{ $items := slice }}{{ range .Pages }}{{ $items = $items | append (dict \"title\" .Title "
    "\"url\" .Permalink) }}{{ end }}{{ $items | jsonify }}",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>{{ range .Site.Sections }}<p>{{ .Title }}: "
    "{{ len .Pages }}</p>{{ end }}{{ end }}",
}


# The Quito model's listings in Hugo: each collection's page and each group page is a table of its
# entries with the columns avance shows (the scalar fields: a ref as a link titled with the entry
# it names, an enum as a badge), paginated by .Paginator; each grouping is a taxonomy whose term
# pages are the group pages, and each collection's page links to its groups with their counts.
QUITO_COLUMNS = {
    "acciones": [["hito", "ref", "hitos"], ["plazo", "enum", ""], ["estado", "enum", ""], ["tipo", "enum", ""]],
    "proyectos": [["estado", "enum", ""], ["eje", "ref", "ejes"], ["ejecutor", "ref", "socios"]],
    "socios": [["tipo", "enum", ""]],
    "hitos": [["eje", "ref", "ejes"]],
    "ejes": [],
}
# The bench's own model: projects have no eje.
COLUMNS = {**QUITO_COLUMNS, "proyectos": [["estado", "enum", ""], ["ejecutor", "ref", "socios"]]}

LISTING_HUGO_LAYOUTS = {
    "partials/entries.html": '{{ $cols := index site.Params.columns .section }}<table class="entries">'
    '<thead><tr><th scope="col">{{ .section }}</th>{{ range $cols }}<th scope="col">{{ index . 0 }}</th>{{ end }}'
    '</tr></thead><tbody>{{ range .pages }}{{ $p := . }}<tr><th scope="row"><a href="{{ .RelPermalink }}">'
    '{{ .Title }}</a></th>{{ range $cols }}{{ $c := . }}{{ $v := index $p.Params (index $c 0) }}'
    '<td data-label="{{ index $c 0 }}"><span class="value">{{ if eq (index $c 1) "ref" }}{{ with $v }}'
    '{{ with site.GetPage (printf "/%s/%s" (index $c 2) $v) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>'
    '{{ end }}{{ end }}{{ else }}<span class="badge badge-{{ $v }}">{{ $v }}</span>{{ end }}</span></td>{{ end }}'
    '</tr>{{ end }}</tbody></table>',
    # The filters of a listing, as avance's: every value of a grouping with at most
    # `filterLimit` values (avance's `filter_limit`, 30 by default), inline with its count; for a
    # larger one, the current value (on one of its term pages) and a link to its terms page.
    "partials/filters.html": '<nav class="filters">{{ $cur := .page }}{{ range (index site.Params.groups .section) }}'
    '{{ $tax := printf "%s_%s" $.section . }}{{ $terms := index site.Taxonomies $tax }}<div class="filter">'
    '<span class="filter-label">{{ . }}:</span><ul>{{ if le (len $terms) site.Params.filterLimit }}'
    '{{ range $name, $pages := $terms }}<li><a href="{{ with site.GetPage (printf "/%s/%s" $tax $name) }}'
    '{{ .RelPermalink }}{{ end }}">{{ $name }} <span class="filter-count">({{ len $pages }})</span></a></li>{{ end }}'
    '{{ else }}{{ if and (eq $cur.Kind "term") (eq $cur.Data.Plural $tax) }}<li><a href="{{ $cur.RelPermalink }}" '
    'aria-current="page">{{ $cur.Title }} <span class="filter-count">({{ len $cur.Pages }})</span></a></li>{{ end }}'
    '<li><a class="filter-more" href="{{ with site.GetPage (printf "/%s" $tax) }}{{ .RelPermalink }}{{ end }}">'
    'Los {{ len $terms }} valores de {{ . }}</a></li>{{ end }}</ul></div>{{ end }}</nav>',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>'
    '{{ partial "filters.html" (dict "section" .Section "page" .) }}'
    '{{ partial "entries.html" (dict "section" .Section "pages" .Paginator.Pages) }}'
    '{{ template "_internal/pagination.html" . }}{{ end }}',
    "_default/term.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $section := index (split .Data.Plural "_") 0 }}'
    '{{ partial "filters.html" (dict "section" $section "page" .) }}'
    '{{ partial "entries.html" (dict "section" $section "pages" .Paginator.Pages) }}'
    '{{ template "_internal/pagination.html" . }}{{ end }}',
    # The terms page of a grouping (avance's values page, `acciones/hito/`): every value with its
    # count, linked to its page, paginated like every list.
    "_default/taxonomy.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $section := index (split .Data.Plural "_") 0 }}'
    '{{ partial "filters.html" (dict "section" $section "page" .) }}<table class="entries values"><thead><tr>'
    '<th scope="col">{{ .Data.Singular }}</th><th scope="col">Entradas</th></tr></thead><tbody>'
    '{{ range .Paginator.Pages }}<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th>'
    '<td data-label="Entradas">{{ len .Pages }}</td></tr>{{ end }}</tbody></table>'
    '{{ template "_internal/pagination.html" . }}{{ end }}',
}


def fields_config():
    """The [params.fields] table of hugo.toml: what an entry's page shows (HUGO_FIELDS)."""
    lines = ["[params.fields]"]
    lines += [f"  {c} = [{', '.join('[' + ', '.join(chr(34) + x + chr(34) for x in f) + ']' for f in fields)}]"
              for c, fields in HUGO_FIELDS.items()]
    return "\n".join(lines) + "\n"


def listings_config(quito):
    """hugo.toml: paginated lists, one taxonomy per grouping of the model (the Quito model's or
    the bench's own), the columns of each collection's listing."""
    grouping = QUITO_GROUPS if quito else GROUPS
    columns = QUITO_COLUMNS if quito else COLUMNS
    groups = [f"{c}_{f}" for c, fields in grouping.items() for f in fields]
    lines = [HUGO_CONFIG.replace('disableKinds = ["taxonomy", "term", "RSS"]', 'disableKinds = ["RSS"]\npaginate = 100')]
    lines.append("[taxonomies]")
    lines += [f'  {g} = "{g}"' for g in groups]
    lines.append("[params]")
    lines.append(f"  filterLimit = {FILTER_LIMIT}")
    lines.append("[params.groups]")
    lines += [f"  {c} = [{', '.join(chr(34) + f + chr(34) for f in fields)}]" for c, fields in grouping.items()]
    lines.append("[params.columns]")
    lines += [f"  {c} = [{', '.join('[' + ', '.join(chr(34) + x + chr(34) for x in col) + ']' for col in cols)}]"
              for c, cols in columns.items()]
    return "\n".join(lines) + "\n"


def write_hugo(n, root, quito=False):
    shutil.rmtree(root, ignore_errors=True)
    (root / "content").mkdir(parents=True)
    config = listings_config(quito) + fields_config()
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    layouts = dict(HUGO_LAYOUTS)
    layouts.update(LISTING_HUGO_LAYOUTS)
    for path, text in layouts.items():
        (root / "layouts" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / path).write_text(text, encoding="utf-8")
    items, rng = entries(n, quito)
    for collection, ident, fields, links in items:
        folder = root / "content" / collection
        if not folder.exists():
            folder.mkdir()
            (folder / "_index.md").write_text(f"---\ntitle: {collection}\n---\n", encoding="utf-8")
        front = "\n".join(f"{'title' if key == 'titulo' else key}: {value}" for key, value in fields)
        values = dict(fields)
        for field in (QUITO_GROUPS if quito else GROUPS).get(collection, []):
            value = values.get(field)
            if value:
                front += f"\n{collection}_{field}: {value if value.startswith('[') else '[' + value + ']'}"
        # Hugo links to pages by their URL, not by the Markdown file.
        text = body(rng, [(t, p.replace(".md", "/")) for t, p in links])
        (folder / f"{ident}.md").write_text(f"---\n{front}\n---\n{text}", encoding="utf-8")


if __name__ == "__main__":
    count, out, options = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    quito = "--quito" in options
    if "--hugo" in options:
        write_hugo(count, out, quito)
    else:
        paginate = options[options.index("--paginate") + 1] if "--paginate" in options else None
        write_avance(count, out, quito, paginate)
