"""Portuguese resources for finding who said what (pt-BR and pt-PT).

Every list is hand-written, lower-case. Verb lists hold surface forms, generated
from the infinitive for the tenses news uses to report speech (3rd person
preterite, present, pluperfect, imperfect, future, gerund), plus the irregular
forms listed by hand.
"""

from __future__ import annotations

from parallax.lang.pt import MONTHS, WEEKDAYS
from parallax.nlp.lang import conjugate

#: Endings per infinitive class for the tenses above; "-uir" before "-ir", which it also ends in.
_ENDINGS = {
    "uir": ("uiu", "uíram", "ui", "uem", "uíra", "uía", "uíam", "uindo", "uirá"),
    "ar": ("ou", "aram", "a", "am", "ara", "ava", "avam", "ando", "ará"),
    "er": ("eu", "eram", "e", "em", "era", "ia", "iam", "endo", "erá"),
    "ir": ("iu", "iram", "e", "em", "ira", "ia", "iam", "indo", "irá"),
}


def _forms(*infinitives: str) -> frozenset[str]:
    return conjugate(infinitives, _ENDINGS)


_IRREGULAR_SAY = frozenset(
    {"disse", "disseram", "diz", "dizem", "dissera", "disseras", "dizia", "diziam", "dizendo", "dirá",
     "dirão", "dito"}
)  # fmt: skip

_SAY_INFINITIVES: tuple[str, ...] = (
    "afirmar", "declarar", "ressaltar", "destacar", "explicar", "garantir", "admitir", "lamentar",
    "defender", "alertar", "acrescentar", "completar", "informar", "contar", "relatar", "avaliar",
    "ponderar", "frisar", "sublinhar", "salientar", "referir", "comentar", "observar", "lembrar",
    "reforçar", "reiterar", "enfatizar", "negar", "confirmar", "anunciar", "argumentar",
    "responder", "escrever", "assegurar", "prometer", "advertir", "insistir", "sustentar",
    "concluir", "indicar", "apontar", "revelar", "reconhecer", "esclarecer", "detalhar", "realçar",
    "vincar", "assinalar", "notar", "recordar", "adiantar", "afiançar", "justificar", "rebater",
    "retrucar", "acusar", "alegar", "considerar", "acreditar", "estimar", "explicitar", "publicar",
    "postar", "tuitar", "falar", "avisar", "constatar", "denunciar", "reclamar", "queixar",
    "sugerir", "manifestar", "ressalvar", "emendar", "pontuar", "comunicar", "noticiar",
    "desabafar", "rematar", "sinalizar", "repetir", "mencionar",
)  # fmt: skip

#: Verbs that report speech and take a "que" clause (indirect speech) or frame a direct quote.
SAY_VERBS: frozenset[str] = (
    _IRREGULAR_SAY
    | _forms(*_SAY_INFINITIVES)
    | frozenset({"antevê", "anteveem", "anteviu", "anteviram", "prevê", "preveem", "previu", "previram"})
)

#: Past participles of the speech verbs, speech only after a perfect auxiliary ("tinha anunciado que").
PARTICIPLES: frozenset[str] = frozenset(
    {v[:-2] + ("ado" if v.endswith("ar") else "ido") for v in _SAY_INFINITIVES}
    | {"dito", "escrito", "previsto"}
)
PERFECT_AUXILIARIES: frozenset[str] = frozenset(
    {
        "tinha",
        "tinham",
        "tem",
        "têm",
        "havia",
        "haviam",
        "teria",
        "teriam",
        "terá",
        "terão",
        "tenha",
        "tenham",
    }
)

#: Infinitives of the speech verbs, speech only after the phrases below ("voltou a garantir que").
INFINITIVES: frozenset[str] = frozenset(_SAY_INFINITIVES) | {"dizer", "prever"}
INFINITIVE_GOVERNORS: tuple[str, ...] = (
    "voltou a", "voltaram a", "volta a", "voltam a", "tornou a", "chegou a", "chegaram a",
    "fez questão de", "fizeram questão de", "faz questão de", "limitou-se a", "limitaram-se a",
    "preferiu", "preferiram", "quis", "decidiu", "insistiu em", "fez por",
)  # fmt: skip

#: Relative pronouns: ", que ..." opens a relative clause, not reported speech.
RELATIVES: frozenset[str] = frozenset({"que", "quem", "qual", "quais", "cujo", "cuja", "onde"})

#: Endings of infinitives, which are never the noun of a role complement ("de preferir").
INFINITIVE_ENDINGS: tuple[str, ...] = ("ar", "er", "ir", "ôr", "or")

#: Verbs that frame a direct or partial quote but do not introduce reported speech with "que".
FRAME_VERBS: frozenset[str] = _forms(
    "classificar",
    "chamar",
    "qualificar",
    "definir",
    "pedir",
    "elogiar",
    "criticar",
    "ironizar",
    "brincar",
    "perguntar",
    "questionar",
    "resumir",
    "disparar",
    "cobrar",
    "celebrar",
    "comemorar",
    "exigir",
    "ameaçar",
    "continuar",
    "prosseguir",
    "atirar",
    "gritar",
    "exclamar",
    "repetir",
    "agradecer",
    "saudar",
    "desejar",
    "apelar",
    "descrever",
    "condenar",
    "rejeitar",
    "reagir",
    "discursar",
    "conversar",
    "emendar",
    "atacar",
    "provocar",
) | frozenset({"pede", "pedem", "pediu", "pediram", "descreveu", "descreve"})

#: Words that introduce the reported clause after a speech verb.
COMPLEMENTIZERS: frozenset[str] = frozenset({"que"})

#: Phrases before the speaker that attribute the rest of the sentence to them.
ATTRIBUTION_PHRASES: tuple[str, ...] = (
    "de acordo com", "segundo", "conforme", "na avaliação de", "na opinião de", "nas palavras de",
    "na visão de", "na análise de", "na leitura de", "no entender de", "na perspetiva de",
    "na perspectiva de", "nas palavras de",
)  # fmt: skip

#: Prepositions that attribute an opinion only when a speaker follows ("para o ministro, ...").
OPINION_PREPOSITIONS: frozenset[str] = frozenset({"para", "pra"})

SUBJECT_PRONOUNS: frozenset[str] = frozenset({"ele", "ela", "eles", "elas"})

DETERMINERS: frozenset[str] = frozenset(
    {"o", "a", "os", "as", "um", "uma", "uns", "umas", "seu", "sua", "seus", "suas", "este", "esta",
     "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela", "nosso", "nossa",
     "outro", "outra", "outros", "outras", "vários", "várias", "alguns", "algumas", "dois", "duas",
     "três", "muitos", "muitas", "todos", "todas"}
)  # fmt: skip

#: Role nouns of institutions and groups rather than one person ("a empresa", "o governo").
ORGANISATION_HEADS: frozenset[str] = frozenset(
    {
        "governo", "empresa", "companhia", "prefeitura", "ministério", "secretaria", "hospital",
        "exército", "organização", "agência", "tribunal", "sindicato", "partido", "campanha",
        "embaixada", "nota", "comunicado", "relatório", "estudo", "autoridades", "autoridade",
        "oposição", "diretoria", "instituição", "entidade", "grupo", "banco", "fabricante", "clube",
        "colegiado", "comitê", "comité", "conselho", "consultoria", "distribuidora", "concessionária",
        "operadora", "seguradora", "montadora", "estatal", "petroleira", "mineradora", "varejista",
        "polícia", "defesa", "assessoria", "fonte", "fontes", "bombeiros", "militares", "rebeldes",
        "familiares", "parentes", "moradores", "testemunhas", "especialistas", "analistas",
        "órgão", "autarquia", "corporação", "pasta", "associação", "federação", "confederação",
    }
)  # fmt: skip

#: Nouns that name a speaker by role or group ("o ministro", "a porta-voz", "moradores").
SPEAKER_HEADS: frozenset[str] = frozenset(
    {
        "presidente", "presidenta", "vice-presidente", "ex-presidente", "primeiro-ministro",
        "primeira-ministra", "premiê", "chanceler", "ministro", "ministra", "ex-ministro",
        "ex-ministra", "ministros", "prefeito", "prefeita", "ex-prefeito", "governador",
        "governadora", "secretário", "secretária", "secretário-geral", "secretária-geral",
        "porta-voz", "porta-vozes", "deputado", "deputada", "deputados", "senador", "senadora",
        "senadores", "vereador", "vereadora", "delegado", "delegada", "comandante", "diretor",
        "diretora", "diretor-geral", "coordenador", "coordenadora", "advogado", "advogada",
        "advogados", "promotor", "promotora", "procurador", "procuradora", "procurador-geral", "juiz",
        "juíza", "relator", "relatora", "chefe", "líder", "líderes", "especialista", "economista",
        "economistas", "analista", "pesquisador", "pesquisadora", "pesquisadores", "professor",
        "professora", "médico", "médica", "médicos", "bombeiro", "policial", "policiais",
        "testemunha", "morador", "moradora", "vítima", "vítimas", "sobrevivente", "sobreviventes",
        "dono", "dona", "proprietário", "proprietária", "gerente", "assessor", "assessora",
        "embaixador", "embaixadora", "papa", "pontífice", "rei", "rainha", "príncipe", "general",
        "coronel", "capitão", "tenente", "sargento", "major", "bispo", "arcebispo", "padre", "pastor",
        "técnico", "treinador", "jogador", "jogadora", "atacante", "goleiro", "autor", "autora",
        "cientista", "cientistas", "investigador", "investigadora", "investigadores", "autarca",
        "edil", "comissário", "comissária", "inspetor", "superintendente", "reitor", "reitora",
        "candidato", "candidata", "dirigente", "dirigentes", "sindicalista", "ativista", "ativistas",
        "empresário", "empresária", "executivo", "executiva", "fundador", "fundadora",
        "representante", "representantes", "funcionário", "funcionária", "funcionários",
        "trabalhador", "trabalhadores", "enfermeiro", "enfermeira", "pai", "mãe", "filho", "filha",
        "irmão", "irmã", "viúva", "amigo", "amiga", "vizinho", "vizinha", "vizinhos", "interlocutor",
        "aliado", "aliados", "manifestante", "manifestantes", "passageiro", "passageira",
        "passageiros", "motorista", "paciente", "parente", "militar", "soldado", "soldados", "agente",
        "agentes", "perito", "perita", "peritos", "legista", "estudante", "estudantes", "operário",
        "operários", "primeira-dama", "mandatário", "magistrado", "conselheiro", "conselheira",
        "ouvidor", "ombudsman", "guarda", "socorrista", "socorristas", "capitã", "comentarista",
        "jornalista", "académico", "acadêmico", "académica", "acadêmica", "politólogo", "politóloga",
        "sociólogo", "socióloga", "historiador", "historiadora", "jurista", "constitucionalista",
        "tenente-coronel", "vice-governador", "vice-governadora", "vice-prefeito", "vice-prefeita",
        "ex-governador", "cardeal", "titular", "gestor", "gestora", "presidente-executivo", "ceo",
        "estrategista", "consultor", "consultora", "escritor", "escritora", "cantor", "cantora",
        "ator", "atriz", "artista", "atleta", "piloto", "cineasta",
    }
) | ORGANISATION_HEADS  # fmt: skip

#: Lower-case words allowed inside a personal or organisation name between capitalised words.
NAME_CONNECTORS: frozenset[str] = frozenset(
    {"de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "du", "bin"}
)

#: Prepositions: a name right after one is an object, not a subject ("disse à Globo").
PREPOSITIONS: frozenset[str] = frozenset(
    {"a", "à", "às", "ao", "aos", "em", "no", "na", "nos", "nas", "num", "numa", "de", "do", "da",
     "dos", "das", "para", "pra", "com", "por", "pelo", "pela", "pelos", "pelas", "sobre", "contra",
     "entre", "até", "sem", "após", "desde", "durante", "perante", "junto", "nesta", "neste",
     "nessa", "nesse", "naquela", "naquele", "desta", "deste", "dessa", "desse", "rumo", "ante"}
)  # fmt: skip

#: Words that are never part of a name, even when capitalised at the start of a sentence.
FUNCTION_WORDS: frozenset[str] = (
    DETERMINERS
    | PREPOSITIONS
    | SUBJECT_PRONOUNS
    | frozenset(
        {
            "e",
            "ou",
            "mas",
            "porém",
            "contudo",
            "todavia",
            "entretanto",
            "que",
            "se",
            "quando",
            "como",
            "porque",
            "pois",
            "onde",
            "quem",
            "qual",
            "quais",
            "cujo",
            "cuja",
            "também",
            "ainda",
            "já",
            "não",
            "sim",
            "hoje",
            "ontem",
            "amanhã",
            "agora",
            "depois",
            "antes",
            "então",
            "assim",
            "aqui",
            "ali",
            "lá",
            "muito",
            "muita",
            "mais",
            "menos",
            "só",
            "apenas",
            "é",
            "foi",
            "são",
            "será",
            "seria",
            "era",
            "eram",
            "está",
            "estão",
            "estava",
            "tem",
            "têm",
            "tinha",
            "há",
            "havia",
            "vai",
            "vão",
            "ia",
            "pode",
            "podem",
            "deve",
            "devem",
            "eu",
            "nós",
            "você",
            "vocês",
            "me",
            "te",
            "lhe",
            "lhes",
            "nos",
            "isso",
            "isto",
            "aquilo",
            "tudo",
            "nada",
            "ninguém",
            "alguém",
            "cada",
            "mesmo",
            "mesma",
            "próprio",
            "própria",
            "segundo",
            "conforme",
            "enquanto",
            "embora",
            "caso",
            "apesar",
            "além",
            "inclusive",
            "sobretudo",
            "principalmente",
            "logo",
            "nunca",
            "sempre",
            "talvez",
            "sr",
            "sra",
            "dr",
            "dra",
            "dom",
            "prof",
            "leia",
            "veja",
            "confira",
            "saiba",
            "entenda",
        }
    )
    | frozenset({*WEEKDAYS, *MONTHS})
)

#: Words right before a quoted fragment that make it a name or a title, not speech.
TITLE_CUES: frozenset[str] = frozenset(
    {
        "operação", "programa", "projeto", "livro", "filme", "série", "música", "canção", "álbum",
        "disco", "novela", "peça", "exposição", "campanha", "movimento", "hashtag", "plano", "lei",
        "chamado", "chamada", "chamados", "chamadas", "conhecido", "conhecida", "conhecidos",
        "conhecidas", "apelidado", "apelidada", "apelido", "batizado", "batizada", "intitulado",
        "intitulada", "denominado", "denominada", "slogan", "lema", "jornal", "revista", "site",
        "blog", "podcast", "coluna", "bairro", "empresa", "grupo", "banda", "termo", "expressão",
        "palavra", "tal", "suposto", "suposta", "espetáculo", "documentário", "reality", "canal",
        "perfil", "página", "emenda", "pec", "medida", "pacote", "marca", "produto", "evento",
        "festival", "bloco", "apelidou", "batizou", "intitula", "intitulou",
    }
)  # fmt: skip

#: Title cues that make any quoted fragment after them a name or a term, whatever its case; the other
#: title cues (nouns like "lei", "plano") only a short or capitalised one ("a lei “não tem volta”" is speech).
NAMING_WORDS: frozenset[str] = frozenset(
    {
        "chamado", "chamada", "chamados", "chamadas", "conhecido", "conhecida", "conhecidos",
        "conhecidas", "apelidado", "apelidada", "apelido", "batizado", "batizada", "intitulado",
        "intitulada", "denominado", "denominada", "termo", "expressão", "palavra", "tal", "suposto",
        "suposta", "slogan", "lema", "hashtag", "apelidou", "batizou", "intitula", "intitulou",
    }
)  # fmt: skip

#: Capitalised words that name a government portfolio or institution after "ministro da ...".
INSTITUTION_WORDS: frozenset[str] = frozenset(
    {
        "saúde", "fazenda", "justiça", "educação", "defesa", "economia", "cultura", "agricultura",
        "trabalho", "transportes", "turismo", "cidades", "comunicações", "previdência", "segurança",
        "pública", "relações", "exteriores", "casa", "civil", "meio", "ambiente", "minas", "energia",
        "planejamento", "desenvolvimento", "ciência", "tecnologia", "infraestrutura", "interior",
        "administração", "finanças", "negócios", "estrangeiros", "integração", "esporte", "esportes",
        "mulheres", "direitos", "humanos", "igualdade", "racial", "povos", "indígenas", "pesca",
        "portos", "aeroportos", "gestão", "inovação", "indústria", "comércio", "serviços",
        "habitação", "mar", "coesão", "territorial", "presidência", "república", "estado",
    }
)  # fmt: skip

#: Word endings that mark a verb form, so a lower-case word after a role noun is not an adjective.
VERB_ENDINGS: tuple[str, ...] = ("ou", "eu", "iu", "ram", "ava", "avam", "iam", "ará", "erá", "irá")

#: Pronouns that stand for one person ("ele disse"): they take the last person named.
SINGULAR_PRONOUNS: frozenset[str] = frozenset({"ele", "ela"})

#: Gender of the singular pronouns, to pass over a person of the other gender ("Haddad recebeu Tebet. Ele …").
PRONOUN_GENDERS: dict[str, str] = {"ele": "m", "ela": "f"}
#: Words before a role or a name that give its gender ("a ministra", "o técnico", "da presidente").
MASCULINE_DETERMINERS: frozenset[str] = frozenset({"o", "um", "do", "ao", "pelo", "no", "este", "esse"})
FEMININE_DETERMINERS: frozenset[str] = frozenset({"a", "uma", "da", "à", "pela", "na", "esta", "essa"})

#: First words of organisation names ("Secretaria de Saúde", "Corpo de Bombeiros").
ORGANISATION_WORDS: frozenset[str] = frozenset(
    {
        "secretaria", "ministério", "prefeitura", "governo", "polícia", "defesa", "corpo", "banco",
        "instituto", "comitê", "comité", "conselho", "confederação", "associação", "federação",
        "universidade", "câmara", "senado", "supremo", "tribunal", "partido", "agência", "organização",
        "fundação", "companhia", "empresa", "hospital", "exército", "marinha", "força", "forças",
        "assembleia", "congresso", "procuradoria", "defensoria", "receita", "caixa", "grupo",
        "sindicato", "comissão", "departamento", "serviço", "escola", "igreja", "clube", "gabinete",
        "presidência", "autoridade", "centro", "coordenadoria", "superintendência",
    }
)  # fmt: skip

#: Words that start a second, circumstantial clause in a headline ("Lula diz que … após …").
HEADLINE_CUTS: frozenset[str] = frozenset({"após", "durante", "enquanto", "apesar"})

#: Adverbs that may sit between a subject and its speech verb ("o ministro também disse").
ADVERBS: frozenset[str] = frozenset({"também", "ainda", "já", "depois", "então", "novamente"})
#: Conjunctions after which an attribution phrase may start a clause ("e, segundo ele, ...").
CONJUNCTIONS: frozenset[str] = frozenset({"e", "mas", "porém"})
#: Coordinators that share the subject of the clause before ("Lula abriu a cúpula e disse que ...").
COORDINATORS: frozenset[str] = frozenset({"e"})
#: Preposition + article contractions that end an attribution phrase ("na avaliação do ministro").
CONTRACTIONS: frozenset[str] = frozenset({"do", "da", "dos", "das"})
#: Verbs that report a clause without a complementizer (English only: "Smith said the plan ...").
BARE_CLAUSE_VERBS: frozenset[str] = frozenset()
#: Verbs whose object comes before the reported clause (English only: "told reporters that ...").
OBJECT_VERBS: frozenset[str] = frozenset()
#: Words skipped between a speech verb and a bare clause (English only: "said on Tuesday ...").
CLAUSE_SKIPPABLE: frozenset[str] = frozenset()
#: Words that open a bare reported clause (English only: "said it would ...").
CLAUSE_OPENERS: frozenset[str] = frozenset()
#: Enclitic pronouns after a hyphen that keep a verb a speech verb ("disse-lhe"); "-se" does not.
CLITICS: frozenset[str] = frozenset({"lhe", "lhes", "me", "nos", "te", "o", "a", "os", "as", "vos"})
