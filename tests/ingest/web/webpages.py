"""Pages written for the fetching tests (short Portuguese news texts), loaded as ``parallax_web_pages``."""

from __future__ import annotations

import html

PARAGRAPHS = (
    "O Banco Central anunciou nesta quarta-feira um corte de meio ponto percentual na taxa básica "
    "de juros, que passa a 10,5% ao ano, a primeira redução desde o início do ano passado.",
    "Segundo o comunicado, a decisão do comitê foi unânime e levou em conta a queda da inflação "
    "nos últimos três meses, além da desaceleração da atividade econômica no segundo trimestre.",
    "“O cenário permite um ajuste gradual”, afirmou o presidente da instituição em entrevista "
    "coletiva em Brasília, acrescentando que novos cortes dependerão dos dados de preços.",
    "Economistas ouvidos pela reportagem esperavam uma redução menor, de um quarto de ponto, e "
    "avaliam que o mercado de crédito deve reagir já nas próximas semanas.",
)


def page(
    title: str,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    published: str | None = "2025-03-12",
    outlet: str | None = "Jornal do Cerrado",
) -> bytes:
    """A small news page: a headline, a date, an outlet name and a few paragraphs."""
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if outlet:
        meta += f'<meta property="og:site_name" content="{html.escape(outlet)}">'
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"{meta}</head><body><nav><a href='/'>Início</a> <a href='/economia'>Economia</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        f"<footer>Todos os direitos reservados.</footer></body></html>"
    ).encode()


def bare_page(title: str) -> bytes:
    """A page that states no date and no outlet (a feed or sitemap has to fill them in)."""
    return page(title, published=None, outlet=None)
