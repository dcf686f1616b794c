"""A generated corpus for benchmarks: many stories, each told by 2–4 outlets, with site chrome.

The sentences are templates written for Parallax; names, places and figures vary with
a seeded random generator so that the same ``--seed`` gives the same corpus. It is
meant to make every stage do realistic work (chrome to strip, names to find, quotes,
figures that agree or disagree, relative dates), not to be read.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CITIES = [
    "Campinas",
    "Curitiba",
    "Recife",
    "Salvador",
    "Belo Horizonte",
    "Porto Alegre",
    "Manaus",
    "Belém",
    "Fortaleza",
    "Goiânia",
    "Florianópolis",
    "Natal",
    "Maceió",
    "Cuiabá",
    "Londrina",
    "Joinville",
]
OFFICIALS = [
    ("o prefeito", "Carlos Menezes"),
    ("a governadora", "Helena Duarte"),
    ("o secretário de Segurança", "Paulo Arantes"),
    ("a ministra", "Beatriz Farias"),
    ("o comandante dos bombeiros", "Rogério Tavares"),
    ("o delegado", "Mário Queiroz"),
]
OUTLETS = [
    "Diário do Vale",
    "Folha Regional",
    "Portal Centro-Oeste",
    "Gazeta do Litoral",
    "Correio Serrano",
    "Jornal da Manhã Online",
    "Notícias do Sul",
    "Tribuna Popular",
]
EVENTS = [
    ("incêndio", "um incêndio atingiu um galpão", "mortos", "feridos", "as chamas"),
    ("temporal", "um temporal provocou deslizamentos", "mortos", "desalojados", "a situação"),
    ("acidente", "um ônibus tombou na rodovia", "mortos", "feridos", "o tráfego"),
    ("explosão", "uma explosão destruiu uma fábrica", "mortos", "feridos", "o fogo"),
]
WEEKDAYS = [
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
]
CHROME_TOP = ["Menu", "Assine", "Entrar", "Últimas notícias"]
CHROME_MID = ["Publicidade", "Compartilhe", "Receba as notícias no WhatsApp"]
CHROME_END = [
    "Leia também: Prefeitura anuncia novo calendário de vacinação",
    "Comentários",
    "© 2025 Todos os direitos reservados",
]
NUMBER_WORDS = {2: "duas", 3: "três", 4: "quatro", 5: "cinco"}


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c == "-")


@dataclass(frozen=True)
class GeneratedArticle:
    name: str
    text: str


def _story(rng: random.Random, story_no: int, start: date) -> list[GeneratedArticle]:
    kind, what, dead_noun, hurt_noun, agent = rng.choice(EVENTS)
    city = rng.choice(CITIES)
    role, person = rng.choice(OFFICIALS)
    day = start + timedelta(days=story_no % 300)
    dead = rng.randint(2, 40)
    hurt = dead + rng.randint(3, 60)
    hours = rng.randint(2, 5)
    cost = rng.randint(2, 90) / 10
    outlets = rng.sample(OUTLETS, rng.randint(2, 4))
    articles = []
    for i, outlet in enumerate(outlets):
        published = day + timedelta(days=rng.randint(0, 1))
        weekday = WEEKDAYS[day.weekday()]
        reported_dead = dead if i % 3 else dead + rng.choice([0, 0, 3])
        qualifier = rng.choice(["", "pelo menos ", "cerca de ", "mais de "])
        duration = NUMBER_WORDS.get(hours, str(hours))
        lines = [
            "---",
            f"url: https://www.{_slug(outlet)}.com.br/{_slug(kind)}/{story_no}-{i}",
            f"outlet: {outlet}",
            f"published: {published.isoformat()}T{rng.randint(6, 22):02d}:00:00-03:00",
            "---",
            *rng.sample(CHROME_TOP, 2),
            f"{kind.capitalize()} em {city} deixa {qualifier}{reported_dead} {dead_noun}",
            rng.choice(["Por Ana Ribeiro", "Por João Batista", "Por Marina Costa", "Da Redação"]),
            f"{city.upper()} — Na {weekday}, {what} em {city}, segundo a Defesa Civil. "
            f"Até o fim da tarde, {qualifier}{reported_dead} {dead_noun} e {hurt} {hurt_noun} "
            "foram confirmados.",
            rng.choice(CHROME_MID),
            f"As equipes levaram {rng.choice(['cerca de ', 'mais de ', ''])}{duration} horas para controlar "
            f"{agent}, de acordo com o Corpo de Bombeiros de {city}.",
            f"“Estamos fazendo tudo o que é possível para atender as famílias”, disse {role} {person}. "
            f"{person.split()[-1]} afirmou que o município vai decretar luto oficial de três dias.",
            f"O prejuízo estimado é de R$ {str(cost).replace('.', ',')} milhões, segundo a associação "
            f"comercial da cidade, que reúne {rng.randint(100, 900)} empresas.",
            f"A Polícia Civil abriu inquérito nesta {WEEKDAYS[published.weekday()]} para apurar as causas. "
            f"Testemunhas relataram que o problema começou por volta das {rng.randint(1, 23)}h.",
            f"Em nota, o governo do estado informou que enviou {rng.randint(10, 80)} agentes e "
            f"{rng.randint(2, 15)} caminhões para apoiar o trabalho na região.",
            rng.choice(CHROME_END),
        ]
        articles.append(GeneratedArticle(f"story{story_no:05d}-{i}", "\n".join(lines) + "\n"))
    return articles


def generate(n_articles: int, seed: int = 7) -> list[GeneratedArticle]:
    """At least ``n_articles`` articles (whole stories), deterministic for a seed."""
    rng = random.Random(seed)
    out: list[GeneratedArticle] = []
    story_no = 0
    while len(out) < n_articles:
        out.extend(_story(rng, story_no, date(2025, 1, 1)))
        story_no += 1
    return out


def write(directory: Path, n_articles: int, seed: int = 7) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate(n_articles, seed):
        path = directory / f"{article.name}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths
