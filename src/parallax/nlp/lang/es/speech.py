"""Spanish resources for finding who said what.

Every list is hand-written, lower-case; verb lists hold surface forms generated
for the 3rd person preterite, present, imperfect, future and gerund, plus the
irregular forms listed by hand.
"""

from __future__ import annotations

from parallax.lang.es import MONTHS, WEEKDAYS
from parallax.nlp.lang import conjugate

#: Endings per infinitive class for the tenses above.
_ENDINGS = {
    "ar": ("ó", "aron", "a", "an", "aba", "aban", "ando", "ará"),
    "er": ("ió", "ieron", "e", "en", "ía", "ían", "iendo", "erá"),
    "ir": ("ió", "ieron", "e", "en", "ía", "ían", "iendo", "irá"),
}


def _forms(*infinitives: str) -> frozenset[str]:
    return conjugate(infinitives, _ENDINGS)


_IRREGULAR_SAY = frozenset(
    {
        "dijo", "dijeron", "dice", "dicen", "decía", "decían", "diciendo", "dirá", "dijera",
        "advirtió", "advirtieron", "advierte", "advierten", "sostuvo", "sostuvieron", "sostiene",
        "sostienen", "recuerda", "recuerdan", "cuenta", "cuentan", "niega", "niegan",
        "manifiesta", "manifiestan", "defiende", "defienden", "concluyó", "concluyeron", "concluye",
        "concluyen", "cree", "creen", "creyó", "expuso", "propuso", "mantuvo", "mantiene",
    }
)  # fmt: skip

_SAY_INFINITIVES: tuple[str, ...] = (
    "afirmar", "asegurar", "declarar", "explicar", "señalar", "indicar", "añadir", "agregar",
    "subrayar", "destacar", "resaltar", "insistir", "reconocer", "admitir", "lamentar", "defender",
    "expresar", "comentar", "precisar", "apuntar", "recordar", "informar", "anunciar", "confirmar",
    "negar", "denunciar", "alertar", "considerar", "aseverar", "remarcar", "enfatizar", "responder",
    "replicar", "contar", "relatar", "escribir", "aclarar", "adelantar", "apostillar", "estimar",
    "valorar", "opinar", "reiterar", "garantizar", "prometer", "argumentar", "revelar", "detallar",
    "matizar", "puntualizar", "manifestar", "advertir", "sostener", "concluir", "publicar",
    "tuitear", "avisar", "completar", "zanjar", "esgrimir", "reprochar", "mencionar", "repetir",
)  # fmt: skip

SAY_VERBS: frozenset[str] = _IRREGULAR_SAY | _forms(*_SAY_INFINITIVES)

PARTICIPLES: frozenset[str] = frozenset(
    {v[:-2] + ("ado" if v.endswith("ar") else "ido") for v in _SAY_INFINITIVES} | {"dicho", "escrito"}
)
PERFECT_AUXILIARIES: frozenset[str] = frozenset({"ha", "han", "había", "habían", "habría", "hubiera", "haya"})

INFINITIVES: frozenset[str] = frozenset(_SAY_INFINITIVES) | {"decir"}
INFINITIVE_GOVERNORS: tuple[str, ...] = (
    "volvió a", "volvieron a", "vuelve a", "llegó a", "se limitó a", "quiso", "prefirió", "insistió en",
)  # fmt: skip

RELATIVES: frozenset[str] = frozenset({"que", "quien", "quienes", "cual", "cuales", "cuyo", "cuya", "donde"})

INFINITIVE_ENDINGS: tuple[str, ...] = ("ar", "er", "ir")

FRAME_VERBS: frozenset[str] = frozenset(
    {"pidió", "pidieron", "pide", "piden", "prosiguió", "prosigue"}
) | _forms(
    "calificar",
    "llamar",
    "definir",
    "elogiar",
    "criticar",
    "ironizar",
    "bromear",
    "preguntar",
    "cuestionar",
    "resumir",
    "exigir",
    "amenazar",
    "continuar",
    "gritar",
    "exclamar",
    "repetir",
    "agradecer",
    "describir",
    "condenar",
    "rechazar",
    "reaccionar",
    "hablar",
    "tildar",
    "acusar",
)

COMPLEMENTIZERS: frozenset[str] = frozenset({"que"})

ATTRIBUTION_PHRASES: tuple[str, ...] = (
    "de acuerdo con", "según", "conforme a", "a juicio de", "en palabras de", "en opinión de",
    "a decir de",
)  # fmt: skip

OPINION_PREPOSITIONS: frozenset[str] = frozenset({"para"})

SUBJECT_PRONOUNS: frozenset[str] = frozenset({"él", "ella", "ellos", "ellas"})

DETERMINERS: frozenset[str] = frozenset(
    {"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "este", "esta", "estos",
     "estas", "ese", "esa", "esos", "esas", "nuestro", "nuestra", "otro", "otra", "otros", "otras",
     "varios", "varias", "algunos", "algunas", "dos", "tres", "muchos", "muchas"}
)  # fmt: skip

ORGANISATION_HEADS: frozenset[str] = frozenset(
    {
        "gobierno", "empresa", "compañía", "ministerio", "ayuntamiento", "alcaldía", "hospital",
        "ejército", "organización", "agencia", "tribunal", "sindicato", "partido", "campaña",
        "embajada", "comunicado", "informe", "autoridades", "oposición", "fuente", "fuentes", "grupo",
        "banco", "club", "comité", "consejo", "consultora", "distribuidora", "eléctrica", "petrolera",
        "policía", "defensa", "bomberos", "militares", "vecinos", "testigos", "expertos", "analistas",
        "familiares", "organismo", "entidad", "asociación", "federación",
    }
)  # fmt: skip

SPEAKER_HEADS: frozenset[str] = frozenset(
    {
        "presidente", "presidenta", "vicepresidente", "vicepresidenta", "expresidente", "primer",
        "ministro", "ministra", "canciller", "portavoz", "portavoces", "secretario", "secretaria",
        "gobernador", "gobernadora", "alcalde", "alcaldesa", "diputado", "diputada", "diputados",
        "senador", "senadora", "concejal", "concejala", "jefe", "jefa", "líder", "líderes",
        "director", "directora", "coordinador", "coordinadora", "abogado", "abogada", "abogados",
        "fiscal", "fiscales", "juez", "jueza", "testigo", "vecino", "vecina", "víctima", "víctimas",
        "superviviente", "supervivientes", "dueño", "dueña", "propietario", "propietaria", "gerente",
        "asesor", "asesora", "embajador", "embajadora", "papa", "pontífice", "rey", "reina",
        "príncipe", "general", "coronel", "capitán", "teniente", "sargento", "obispo", "arzobispo",
        "sacerdote", "técnico", "entrenador", "jugador", "jugadora", "autor", "autora", "experto",
        "experta", "analista", "economista", "economistas", "investigador", "investigadora",
        "investigadores", "científico", "científica", "científicos", "médico", "médica", "médicos",
        "bombero", "policías", "agente", "agentes", "candidato", "candidata", "activista",
        "activistas", "empresario", "empresaria", "ejecutivo", "ejecutiva", "fundador", "fundadora",
        "representante", "representantes", "funcionario", "funcionaria", "funcionarios", "trabajador",
        "trabajadores", "enfermero", "enfermera", "padre", "madre", "hijo", "hija", "hermano",
        "hermana", "viuda", "amigo", "amiga", "pasajero", "pasajeros", "conductor", "paciente",
        "militar", "soldado", "soldados", "manifestante", "manifestantes", "estudiante",
        "estudiantes", "periodista", "comisario", "inspector", "delegado", "delegada", "mandatario",
        "mandataria", "premier", "magistrado", "consejero", "consejera", "edil", "regidor",
        "regidora", "politólogo", "politóloga", "académico", "académica", "historiador",
        "historiadora", "jurista",
    }
) | ORGANISATION_HEADS  # fmt: skip

NAME_CONNECTORS: frozenset[str] = frozenset(
    {"de", "del", "la", "las", "los", "da", "do", "dos", "van", "von", "der", "di", "bin"}
)

PREPOSITIONS: frozenset[str] = frozenset(
    {"a", "al", "ante", "bajo", "con", "contra", "de", "del", "desde", "durante", "en", "entre",
     "hacia", "hasta", "para", "por", "según", "sin", "sobre", "tras", "mediante"}
)  # fmt: skip

FUNCTION_WORDS: frozenset[str] = (
    DETERMINERS
    | PREPOSITIONS
    | SUBJECT_PRONOUNS
    | frozenset(
        {
            "y",
            "e",
            "o",
            "u",
            "pero",
            "sino",
            "aunque",
            "que",
            "si",
            "cuando",
            "como",
            "porque",
            "pues",
            "donde",
            "quien",
            "quienes",
            "cual",
            "cuales",
            "también",
            "tampoco",
            "todavía",
            "aún",
            "ya",
            "no",
            "sí",
            "hoy",
            "ayer",
            "mañana",
            "ahora",
            "después",
            "antes",
            "entonces",
            "así",
            "aquí",
            "allí",
            "muy",
            "más",
            "menos",
            "solo",
            "sólo",
            "es",
            "fue",
            "son",
            "será",
            "sería",
            "era",
            "eran",
            "está",
            "están",
            "estaba",
            "tiene",
            "tienen",
            "había",
            "hay",
            "va",
            "van",
            "puede",
            "pueden",
            "debe",
            "deben",
            "yo",
            "nosotros",
            "usted",
            "ustedes",
            "me",
            "te",
            "se",
            "le",
            "les",
            "nos",
            "lo",
            "esto",
            "eso",
            "aquello",
            "todo",
            "nada",
            "nadie",
            "alguien",
            "cada",
            "mismo",
            "misma",
            "además",
            "sin embargo",
            "mientras",
            "incluso",
            "sobre todo",
            "nunca",
            "siempre",
            "quizás",
            "sr",
            "sra",
            "don",
            "doña",
            "lea",
            "vea",
        }
    )
    | frozenset({*WEEKDAYS, *MONTHS})
)

TITLE_CUES: frozenset[str] = frozenset(
    {
        "operación", "programa", "proyecto", "libro", "película", "serie", "canción", "álbum",
        "disco", "novela", "obra", "exposición", "campaña", "movimiento", "hashtag", "plan", "ley",
        "llamado", "llamada", "llamados", "llamadas", "denominado", "denominada", "conocido",
        "conocida", "apodado", "apodada", "apodo", "bautizado", "bautizada", "titulado", "titulada",
        "lema", "eslogan", "periódico", "diario", "revista", "sitio", "blog", "pódcast", "podcast",
        "columna", "barrio", "empresa", "grupo", "banda", "término", "expresión", "palabra",
        "supuesto", "supuesta", "documental", "canal", "perfil", "página", "marca", "evento",
        "festival",
    }
)  # fmt: skip

#: Title cues that make any quoted fragment after them a name or a term, whatever its case; the other
#: title cues (nouns like "lei", "plano") only a short or capitalised one ("a lei “não tem volta”" is speech).
NAMING_WORDS: frozenset[str] = frozenset(
    {
        "llamado", "llamada", "llamados", "llamadas", "denominado", "denominada", "conocido",
        "conocida", "apodado", "apodada", "apodo", "bautizado", "bautizada", "titulado", "titulada",
        "lema", "eslogan", "término", "expresión", "palabra", "supuesto", "supuesta", "hashtag",
    }
)  # fmt: skip

INSTITUTION_WORDS: frozenset[str] = frozenset(
    {"sanidad", "salud", "hacienda", "justicia", "educación", "defensa", "economía", "cultura",
     "agricultura", "trabajo", "transportes", "interior", "exteriores", "asuntos", "relaciones",
     "energía", "ambiente", "medio", "industria", "comercio", "gobierno", "estado", "presidencia",
     "vivienda", "igualdad", "ciencia", "tecnología", "finanzas", "seguridad", "pública",
     "universidades", "inclusión", "turismo", "consumo", "derechos", "sociales", "policía"}
)  # fmt: skip

VERB_ENDINGS: tuple[str, ...] = ("ó", "aron", "ieron", "aba", "aban", "ía", "ían")

SINGULAR_PRONOUNS: frozenset[str] = frozenset({"él", "ella"})

#: Gender of the singular pronouns, to pass over a person of the other gender.
PRONOUN_GENDERS: dict[str, str] = {"él": "m", "ella": "f"}
#: Words before a role or a name that give its gender ("la presidenta", "el ministro").
MASCULINE_DETERMINERS: frozenset[str] = frozenset({"el", "un", "del", "al", "este", "ese"})
FEMININE_DETERMINERS: frozenset[str] = frozenset({"la", "una", "esta", "esa"})

ORGANISATION_WORDS: frozenset[str] = frozenset(
    {
        "ministerio", "gobierno", "policía", "banco", "instituto", "comité", "consejo", "agencia",
        "organización", "universidad", "tribunal", "partido", "empresa", "compañía", "grupo",
        "sindicato", "asociación", "federación", "comisión", "oficina", "ejército", "armada", "fuerza",
        "fuerzas", "cámara", "senado", "congreso", "parlamento", "servicio", "fundación", "fondo",
        "secretaría", "ayuntamiento", "alcaldía", "defensa", "protección", "cuerpo", "centro",
    }
)  # fmt: skip

#: Words that start a second, circumstantial clause in a headline ("Lula dice que … tras …").
HEADLINE_CUTS: frozenset[str] = frozenset({"tras", "mientras", "durante", "pese"})

ADVERBS: frozenset[str] = frozenset({"también", "además", "luego", "todavía", "después"})
CONJUNCTIONS: frozenset[str] = frozenset({"y", "pero"})
COORDINATORS: frozenset[str] = frozenset({"y", "e"})
CONTRACTIONS: frozenset[str] = frozenset({"del"})
BARE_CLAUSE_VERBS: frozenset[str] = frozenset()
OBJECT_VERBS: frozenset[str] = frozenset()
CLAUSE_SKIPPABLE: frozenset[str] = frozenset()
CLAUSE_OPENERS: frozenset[str] = frozenset()
CLITICS: frozenset[str] = frozenset()
