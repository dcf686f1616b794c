"""Spanish resources for finding and typing names.

Every list is hand-written, lower-case. Demonyms live with the countries in the
knowledge base (``nlp/kb/data``).
"""

from __future__ import annotations

from parallax.lang.es import MONTHS, WEEKDAYS

CONNECTORS: frozenset[str] = frozenset(
    {"de", "del", "de la", "de los", "de las", "la", "da", "do", "dos", "das", "van", "von", "bin", "al"}
)

ORG_CONNECTORS: frozenset[str] = frozenset({"y", "e"})

TITLES: frozenset[str] = frozenset(
    {"sr", "sr.", "sra", "sra.", "srta.", "dr", "dr.", "dra", "dra.", "prof.", "fray", "padre"}
)

ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "presidente": ("president",),
    "presidenta": ("president",),
    "presidente del gobierno": ("prime_minister", "head_of_government"),
    "presidenta del gobierno": ("prime_minister", "head_of_government"),
    "vicepresidente": ("vice_president",),
    "vicepresidenta": ("vice_president",),
    "primer ministro": ("prime_minister", "head_of_government"),
    "primera ministra": ("prime_minister", "head_of_government"),
    "jefe del gobierno": ("head_of_government",),
    "jefe de gobierno": ("head_of_government",),
    "jefe de estado": ("head_of_state",),
    "mandatario": ("head_of_state", "president"),
    "mandataria": ("head_of_state", "president"),
    "canciller": ("chancellor", "foreign_minister"),
    "ministro": ("minister",),
    "ministra": ("minister",),
    "secretario general": ("secretary_general",),
    "secretaria general": ("secretary_general",),
    "director general": ("director_general",),
    "directora general": ("director_general",),
    "directora gerente": ("managing_director",),
    "gobernador": ("governor",),
    "gobernadora": ("governor",),
    "alcalde": ("mayor",),
    "alcaldesa": ("mayor",),
    "rey": ("king",),
    "reina": ("king",),
    "papa": ("pope",),
    "pontífice": ("pope",),
    "senador": (),
    "senadora": (),
    "diputado": (),
    "diputada": (),
    "portavoz": (),
    "líder": ("leader",),
    "juez": (),
    "jueza": (),
    "fiscal": (),
    "general": (),
    "coronel": (),
    "embajador": (),
    "embajadora": (),
    "príncipe": (),
    "princesa": (),
    "candidato": (),
    "candidata": (),
    "cantante": (),
    "actor": (),
    "actriz": (),
    "jugador": (),
    "jugadora": (),
    "entrenador": (),
    "técnico": (),
    "empresario": (),
    "empresaria": (),
    "economista": (),
    "abogado": (),
    "abogada": (),
    "profesor": (),
    "profesora": (),
    "investigador": (),
    "investigadora": (),
    "médico": (),
    "médica": (),
    "periodista": (),
    "escritor": (),
    "escritora": (),
    "director": (),
    "directora": (),
    "expresidente": (),
    "exministro": (),
    "hijo": (),
    "hija": (),
    "esposa": (),
    "marido": (),
    "madre": (),
    "padre": (),
    "vecino": (),
    "vecina": (),
}

PORTFOLIOS: dict[str, str] = {
    "hacienda": "finance_minister",
    "economía": "finance_minister",
    "finanzas": "finance_minister",
    "asuntos exteriores": "foreign_minister",
    "exteriores": "foreign_minister",
    "relaciones exteriores": "foreign_minister",
    "sanidad": "health_minister",
    "salud": "health_minister",
    "justicia": "justice_minister",
    "defensa": "defence_minister",
    "educación": "education_minister",
    "medio ambiente": "environment_minister",
    "interior": "interior_minister",
}

INSTITUTION_ROLE_PREPOSITIONS: frozenset[str] = frozenset({"de", "del", "de la", "de los", "de las"})

ORG_CUES: frozenset[str] = frozenset(
    {
        "ministerio", "banco", "universidad", "facultad", "escuela", "colegio", "agencia", "partido",
        "supremo", "tribunal", "comité", "cuerpo", "defensa", "policía", "secretaría", "ayuntamiento",
        "asamblea", "cámara", "senado", "congreso", "comisión", "fundación", "instituto",
        "asociación", "sindicato", "federación", "confederación", "consejo", "centro", "empresa",
        "compañía", "grupo", "organización", "fiscalía", "defensoría", "gobierno", "ejército",
        "armada", "fuerza", "fuerzas", "guardia", "hospital", "iglesia", "club", "sociedad",
        "autoridad", "departamento", "servicio", "junta", "tesoro", "bolsa", "liga", "movimiento",
        "frente", "alianza", "unión", "museo", "teatro", "diario", "red", "radio", "televisión",
        "cooperativa", "orden", "academia", "audiencia", "juzgado", "generalitat", "xunta",
        "diputación", "cabildo", "mossos", "protección",
    }
)  # fmt: skip

ORG_SUFFIXES: frozenset[str] = frozenset({"s.a.", "s.l.", "sa", "sl", "s.a.u.", "s.a.b."})

LOC_CUES: frozenset[str] = frozenset(
    {
        "calle", "avenida", "plaza", "paseo", "barrio", "río", "sierra", "lago", "laguna", "isla",
        "islas", "bahía", "playa", "monte", "cerro", "valle", "cabo", "golfo", "mar", "océano",
        "estrecho", "canal", "puente", "parque", "distrito", "municipio", "región", "península",
        "desierto", "cordillera", "pico", "aeropuerto", "puerto", "estación", "provincia",
        "comunidad", "ciudad", "estado", "república", "franja", "cisjordania",
    }
)  # fmt: skip

LOC_CONTEXT: tuple[str, ...] = (
    "ciudad de", "estado de", "provincia de", "municipio de", "región de", "barrio de", "distrito de",
    "localidad de", "pueblo de", "capital", "comunidad de", "isla de", "costa de", "afueras de",
    "bahía de", "barrio", "calle", "avenida", "río", "ciudad", "municipio", "región", "playa", "isla",
    "nació en", "vive en", "viajó a", "llegó a", "visita a", "visitó", "cerca de", "rumbo a",
    "con destino a", "procedente de",
)  # fmt: skip

LOC_PREPOSITIONS: frozenset[str] = frozenset({"en", "a", "hacia", "desde", "para"})

SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "dijo", "afirmó", "declaró", "explicó", "contó", "relató", "destacó", "señaló", "añadió",
        "agregó", "comentó", "argumentó", "defendió", "criticó", "cuestionó", "advirtió", "recordó",
        "garantizó", "prometió", "anunció", "informó", "negó", "admitió", "reconoció", "aseguró",
        "sostuvo", "subrayó", "insistió", "indicó", "manifestó", "expresó", "escribió", "publicó",
        "respondió", "preguntó", "pidió", "dice", "afirma", "asegura", "murió", "falleció",
    }
)  # fmt: skip

STOP_CAPITALISED: frozenset[str] = frozenset(
    {
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "pero", "sin", "embargo",
        "en", "del", "al", "de", "a", "por", "para", "con", "sobre", "entre", "hasta", "tras",
        "ante", "desde", "contra", "según", "durante", "mediante", "como", "cuando", "donde",
        "mientras", "si", "que", "quien", "quién", "cual", "cuál", "porque", "pues", "ya", "aún",
        "todavía", "también", "tampoco", "no", "sí", "ni", "solo", "sólo", "mismo", "más", "menos",
        "muy", "mucho", "muchos", "muchas", "poco", "pocos", "todos", "todas", "todo", "toda",
        "cada", "otro", "otra", "otros", "otras", "ese", "esa", "esos", "esas", "este", "esta",
        "estos", "estas", "eso", "esto", "aquel", "aquella", "él", "ella", "ellos", "ellas", "yo",
        "nosotros", "usted", "ustedes", "su", "sus", "mi", "nuestro", "nuestra", "ayer", "hoy",
        "mañana", "anteayer", "ahora", "después", "antes", "entonces", "así", "aquí", "allí",
        "además", "aunque", "caso", "luego", "siempre", "nunca", "jamás", "quizás", "tal", "vez",
        "publicidad", "anuncio", "lea", "vea", "foto", "fotos", "vídeo", "video", "imagen",
        "archivo", "actualizado", "publicado", "comparte", "compartir", "suscríbete", "síguenos",
        "relacionadas", "noticias", "últimas", "edición", "redacción", "opinión", "análisis",
        "hay", "había", "fue", "son", "era", "es", "está",
        "están", "estaba", "será", "sería", "tiene", "tienen", "tuvo", "hubo", "ser", "estar",
        "nuevo", "nueva", "primer", "primero", "primera", "último", "última", "algo", "alguien",
        "nadie", "algún", "alguno", "alguna", "ninguno", "ninguna", "varios", "varias", "ambos",
        "ambas", "cerca", "casi", "gobierno", "presidente", "ministro", "policía", "país", "ciudad",
        "capital", "región", "norte", "sur", "oeste", "centro", "ex", "fuente", "fuentes",
        "mundo", "internacional", "nacional", "política", "economía", "deportes", "cultura",
        "sociedad", "sucesos", "actualidad", "especial", "hora", "directo",
    }
) | frozenset({*WEEKDAYS, *MONTHS})  # fmt: skip

GENERIC_CAPITALISED: frozenset[str] = frozenset(
    {"presidente", "gobierno", "estado", "ministro", "ministra", "policía", "federal", "nacional"}
)

FIRST_NAMES: frozenset[str] = frozenset(
    {
        "adrián", "agustín", "alberto", "alejandro", "alejandra", "alfonso", "alicia", "álvaro",
        "ana", "andrés", "ángel", "antonio", "beatriz", "carlos", "carmen", "carolina", "cristina",
        "daniel", "david", "diego", "eduardo", "elena", "emilio", "enrique", "esteban", "eva",
        "federico", "felipe", "fernando", "francisco", "gabriel", "gabriela", "gonzalo", "guillermo",
        "gustavo", "héctor", "ignacio", "isabel", "jaime", "javier", "jesús", "jorge", "josé",
        "josefa", "juan", "julia", "julián", "laura", "lucía", "luis", "luisa", "manuel", "marcos",
        "margarita", "maría", "mariano", "mario", "marta", "martín", "mercedes", "miguel", "mónica",
        "nicolás", "núria", "pablo", "patricia", "paula", "pedro", "pilar", "rafael", "ramón",
        "raúl", "ricardo", "roberto", "rocío", "rodrigo", "rosa", "santiago", "sara", "sergio",
        "sofía", "susana", "teresa", "tomás", "valentina", "víctor", "yolanda", "yamandú",
        "ayuso", "íñigo", "iñaki", "jordi", "montserrat", "xavier", "josep", "xosé",
        "cristian", "claudia", "dina", "evo", "mauricio", "sebastián",
        "lenín", "nayib", "delcy", "diosdado", "hugo", "fidel",
        "letizia", "leonor",
    }
)  # fmt: skip

ORG_CONTEXT: frozenset[str] = frozenset(
    {
        "empresa", "compañía", "diario", "periódico", "grupo", "partido", "organización", "ong",
        "agencia", "banco", "club", "equipo", "cadena", "aerolínea", "formación", "entidad",
        "institución", "organismo", "asociación", "sindicato", "aseguradora", "operadora",
    }
)  # fmt: skip

PRONOUNS: frozenset[str] = frozenset({"él", "ella"})

DETERMINERS: frozenset[str] = frozenset({"el", "la", "del", "al", "este", "esta", "ese", "esa"})

MISC_CUES: frozenset[str] = frozenset(
    {
        "ley", "decreto", "proyecto", "plan", "programa", "operación", "fiesta", "festival", "copa",
        "campeonato", "premio", "guerra", "revolución", "reglamento", "teoría", "cumbre",
        "conferencia", "juegos", "olimpiadas", "mundial", "tratado", "acuerdo", "pacto", "estatuto",
        "código", "constitución", "reforma",
    }
)  # fmt: skip

PERSON_PREFIXES: frozenset[str] = frozenset({"don", "doña", "d."})

ROLE_CLASSES: dict[str, str] = {
    **{
        noun: "expert"
        for noun in (
            "académico", "académica", "politólogo", "politóloga", "profesor", "profesora",
            "investigador", "investigadora", "especialista", "analista", "economista",
        )
    },
}  # fmt: skip

NOT_NAMES: frozenset[str] = frozenset(
    {"pib", "ceo", "tv", "covid", "covid-19", "vih", "sida", "adn", "ok", "us$", "ia", "uci", "km", "kg"}
)
