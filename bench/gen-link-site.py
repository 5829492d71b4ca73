#!/usr/bin/env python3
"""Writes a deterministic static site of N HTML pages for benchmarking `avance check`.

Usage: gen-link-site.py N OUTPUT_FOLDER

Pages look like avance's own output (about 8 KB each): a head with a canonical URL under the
sub-path base URL https://example.org/sitio/, a stylesheet and an icon; a menu; a breadcrumb;
fields linking to other entries; a table of contents of #fragments (one with a percent-encoded
accent); body links to other pages' headings; images with srcset; mailto, tel and external
links; a footer. Every link is valid, so a correct checker reports nothing. The same N always
gives the same bytes (a seeded generator, no clock).
"""
import os
import random
import sys

COLLECTIONS = ["ejes", "hitos", "acciones", "proyectos", "socios", "resultados"]
HEADINGS = ["objetivo", "objetivos", "socios-y-grupo-de-atención", "avances", "próximos-pasos", "resultados"]
WORDS = ("la ciudad de quito plan resiliencia proyecto acción agua movilidad riesgo comunidad barrio "
         "informe avance estado socio meta gestión territorio ambiente economía salud").split()


def encode(fragment):
    return "".join(c if c.isascii() else "".join("%%%02X" % b for b in c.encode()) for c in fragment)


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def layout(rng, depth, path, title, body):
    up = "../" * depth
    nav = "\n".join(f'<li><a href="{up}{c}/">{c.capitalize()}</a></li>' for c in COLLECTIONS)
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Sitio de prueba</title>
<link rel="canonical" href="https://example.org/sitio/{path}">
<link rel="stylesheet" href="{up}css/site.css">
<link rel="icon" href="/sitio/img/icono.png">
</head>
<body>
<a class="skip-link" href="#contenido">Saltar al contenido</a>
<header class="site-header"><div class="wrap">
<a class="site-title" href="{up or './'}">Sitio de prueba</a>
<nav class="site-nav" aria-label="Menú principal"><ul>
{nav}
</ul></nav></div></header>
<main id="contenido" class="wrap site-main" tabindex="-1">
{body}
</main>
<footer class="site-footer"><div class="wrap">
<p><a href="mailto:resiliencia@example.org?subject=Sitio">resiliencia@example.org</a> ·
<a href="tel:+593-2-395-2300">+593 2 395 2300</a> · <a href="https://example.com/datos">Datos abiertos</a></p>
<p>{sentence(rng, 14)}</p>
</div></footer>
</body>
</html>
"""


def entry_page(rng, collection, slug, entries):
    others = [rng.choice(entries) for _ in range(14)]
    fields = "".join(
        f'<div class="field"><dt>Campo {i}</dt><dd><a href="../../{c}/{s}/">{s}</a></dd></div>\n'
        for i, (c, s) in enumerate(others[:8]))
    toc = "".join(f'<li><a href="#{encode(h) if i == 4 else h}">{h}</a></li>' for i, h in enumerate(HEADINGS))
    sections = []
    for i, heading in enumerate(HEADINGS):
        c, s = others[8 + i]
        sections.append(
            f'<h2 id="{heading}">\n{heading.capitalize()}\n</h2>\n<p>{sentence(rng, 30)}\n'
            f'Ver <a href="../../{c}/{s}/#{HEADINGS[i % 4]}">{s}</a>. {sentence(rng, 25)}</p>\n'
            f'<p>{sentence(rng, 40)}</p>\n')
    image = rng.randrange(20)
    body = f"""<nav class="breadcrumb"><ol><li><a href="../../">Inicio</a></li><li><a href="../">{collection}</a></li></ol></nav>
<article class="entry"><header><h1>{slug}</h1><a name="arriba"></a></header>
<dl class="fields">
{fields}</dl>
<nav class="toc" aria-labelledby="indice"><h2 id="indice">Contenido</h2><ol>{toc}</ol></nav>
<figure><img src="../../img/foto-{image}.png" srcset="../../img/foto-{image}.png 1x, ../../img/foto-{image}@2x.png 2x" alt="Foto"></figure>
<div class="body">
{"".join(sections)}</div>
<p><a href="#arriba">Volver arriba</a></p>
</article>"""
    return layout(rng, 2, f"{collection}/{slug}/", slug, body)


def index_page(rng, collection, slugs):
    items = "\n".join(f'<li><a href="{s}/">{s}</a></li>' for s in slugs)
    return layout(rng, 1, f"{collection}/", collection, f"<h1>{collection}</h1>\n<ul>\n{items}\n</ul>")


def write(folder, path, text):
    full = os.path.join(folder, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(2017)
    entry_count = max(count - 1 - len(COLLECTIONS), 0)
    entries = [(COLLECTIONS[i % len(COLLECTIONS)], f"entrada-{i:05d}") for i in range(entry_count)]
    write(folder, "index.html", layout(rng, 0, "", "Inicio", "<h1>Inicio</h1>\n<p>Bienvenida.</p>"))
    for collection in COLLECTIONS:
        slugs = [s for c, s in entries if c == collection]
        write(folder, f"{collection}/index.html", index_page(rng, collection, slugs))
    for collection, slug in entries:
        write(folder, f"{collection}/{slug}/index.html", entry_page(rng, collection, slug, entries))
    write(folder, "css/site.css", "body { font-family: sans-serif; }\n")
    for i in range(20):
        write(folder, f"img/foto-{i}.png", "png")
        write(folder, f"img/foto-{i}@2x.png", "png")
    write(folder, "img/icono.png", "png")


if __name__ == "__main__":
    main()
