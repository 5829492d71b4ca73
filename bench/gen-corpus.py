#!/usr/bin/env python3
"""Generates a deterministic benchmark corpus: N actions with proportional milestones,
projects and partners (N/4, N/2, N/20), 5 axes, each entry a ~2 KB Markdown body with headings,
a list, a table and links to other entries.

    bench/gen-corpus.py N OUT            # an avance site: OUT/content (+ OUT/theme copied)
    bench/gen-corpus.py N OUT --hugo     # the same entries as a Hugo site (OUT/hugo.toml, layouts)

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


def entries(n):
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
            ("historial", f"\n  - fecha: 2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n    estado: {state}\n    nota: {sentence(rng, 8)}"),
        ]
        links = [(f"Acción {a.split('-')[1]}", f"../acciones/{a}.md#avances") for a in actions]
        out.append(("proyectos", f"proyecto-{i + 1}", fields, links))
    return out, rng


def write_avance(n, root):
    content = root / "content"
    shutil.rmtree(root, ignore_errors=True)
    (content).mkdir(parents=True)
    (content / "site.yaml").write_text(MODEL, encoding="utf-8")
    items, rng = entries(n)
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

HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"es\"><head><title>{{ .Title }}</title></head>"
    "<body><nav>{{ range .Site.Sections }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ end }}</nav>"
    "{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><dl>{{ range $k, $v := .Params }}"
    "<dt>{{ $k }}</dt><dd>{{ $v }}</dd>{{ end }}</dl>{{ .Content }}{{ end }}",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\""
    "{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.estado }}</li>{{ end }}</ul>{{ end }}",
    "_default/single.json": "{{ dict \"title\" .Title \"params\" .Params \"url\" .Permalink | jsonify }}",
    "_default/list.json": "{{ $items := slice }}{{ range .Pages }}{{ $items = $items | append (dict \"title\" .Title "
    "\"url\" .Permalink) }}{{ end }}{{ $items | jsonify }}",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>{{ range .Site.Sections }}<p>{{ .Title }}: "
    "{{ len .Pages }}</p>{{ end }}{{ end }}",
}


def write_hugo(n, root):
    shutil.rmtree(root, ignore_errors=True)
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for path, text in HUGO_LAYOUTS.items():
        (root / "layouts" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / path).write_text(text, encoding="utf-8")
    items, rng = entries(n)
    for collection, ident, fields, links in items:
        folder = root / "content" / collection
        if not folder.exists():
            folder.mkdir()
            (folder / "_index.md").write_text(f"---\ntitle: {collection}\n---\n", encoding="utf-8")
        front = "\n".join(f"{'title' if key == 'titulo' else key}: {value}" for key, value in fields)
        # Hugo links to pages by their URL, not by the Markdown file.
        text = body(rng, [(t, p.replace(".md", "/")) for t, p in links])
        (folder / f"{ident}.md").write_text(f"---\n{front}\n---\n{text}", encoding="utf-8")


if __name__ == "__main__":
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    (write_hugo if "--hugo" in sys.argv[3:] else write_avance)(count, out)
