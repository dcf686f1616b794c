"""Portuguese resources for finding and typing names (pt-BR and pt-PT).

Every list is hand-written. Words are stored lower-case and without changes to
accents; the entity finder compares folded forms (accents and case removed).
Demonyms live with the countries in the knowledge base (``nlp/kb/data``).
"""

from __future__ import annotations

from parallax.lang.pt import MONTHS, SHORT_WEEKDAYS, WEEKDAYS

#: Lower-case words that may sit inside a name between capitalised words.
CONNECTORS: frozenset[str] = frozenset(
    {
        "de",
        "da",
        "do",
        "dos",
        "das",
        "d'",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "al",
    }
)

#: Connectors allowed only inside names of organisations ("Ministério da Ciência e Tecnologia").
ORG_CONNECTORS: frozenset[str] = frozenset({"e"})

#: Honorifics and titles printed before a name; they are not part of it and type it PER.
TITLES: frozenset[str] = frozenset(
    {
        "sr", "sr.", "sra", "sra.", "srta", "srta.", "dr", "dr.", "dra", "dra.",
        "prof", "prof.", "profa", "profa.", "eng.", "gen.", "cel.", "cap.", "pe.", "padre", "frei",
        "irmã",
    }
)  # fmt: skip

#: Role nouns: a capitalised name right after one of these is a person.
#: Values are language-independent role keys for the knowledge base, tried in order.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "presidente": ("president",),
    "presidenta": ("president",),
    "vice-presidente": ("vice_president",),
    "vice-presidenta": ("vice_president",),
    "primeiro-ministro": ("prime_minister", "head_of_government"),
    "primeira-ministra": ("prime_minister", "head_of_government"),
    "premiê": ("prime_minister", "head_of_government"),
    "premier": ("prime_minister", "head_of_government"),
    "chanceler": ("chancellor", "foreign_minister"),
    "chefe de governo": ("head_of_government",),
    "chefe de estado": ("head_of_state",),
    "chefe do executivo": ("head_of_government",),
    "mandatário": ("head_of_state",),
    "ministro": ("minister",),
    "ministra": ("minister",),
    "secretário-geral": ("secretary_general",),
    "secretária-geral": ("secretary_general",),
    "diretor-geral": ("director_general",),
    "diretora-geral": ("director_general",),
    "diretora-gerente": ("managing_director",),
    "diretor-gerente": ("managing_director",),
    "governador": ("governor",),
    "governadora": ("governor",),
    "prefeito": ("mayor",),
    "prefeita": ("mayor",),
    "presidente da câmara": ("mayor", "speaker"),
    "rei": ("king",),
    "rainha": ("king",),
    "papa": ("pope",),
    "pontífice": ("pope",),
    "senador": (),
    "senadora": (),
    "deputado": (),
    "deputada": (),
    "vereador": (),
    "vereadora": (),
    "porta-voz": (),
    "líder": ("leader",),
    "secretário": (),
    "secretária": (),
    "juiz": (),
    "juíza": (),
    "desembargador": (),
    "desembargadora": (),
    "procurador": (),
    "procuradora": (),
    "procurador-geral": ("attorney_general",),
    "procuradora-geral": ("attorney_general",),
    "promotor": (),
    "promotora": (),
    "delegado": (),
    "delegada": (),
    "comandante": (),
    "general": (),
    "coronel": (),
    "tenente": (),
    "capitão": (),
    "sargento": (),
    "cabo": (),
    "soldado": (),
    "embaixador": (),
    "embaixadora": (),
    "príncipe": (),
    "princesa": (),
    "candidato": (),
    "candidata": (),
    "autarca": ("mayor",),
    "edil": ("mayor",),
    "bispo": (),
    "cardeal": (),
    "pastor": (),
    "pastora": (),
    "arcebispo": (),
    "cantor": (),
    "cantora": (),
    "ator": (),
    "atriz": (),
    "atleta": (),
    "jogador": (),
    "jogadora": (),
    "técnico": (),
    "técnica": (),
    "treinador": (),
    "treinadora": (),
    "empresário": (),
    "empresária": (),
    "economista": (),
    "advogado": (),
    "advogada": (),
    "professor": (),
    "professora": (),
    "pesquisador": (),
    "pesquisadora": (),
    "cientista": (),
    "médico": (),
    "médica": (),
    "jornalista": (),
    "escritor": (),
    "escritora": (),
    "diretor": (),
    "diretora": (),
    "fundador": (),
    "fundadora": (),
    "ex-presidente": (),
    "ex-ministro": (),
    "ex-ministra": (),
    "ex-governador": (),
    "ex-prefeito": (),
    "ex-deputado": (),
    "ex-senador": (),
    "ex-primeiro-ministro": (),
    "assessor": (),
    "assessora": (),
    "analista": (),
    "especialista": (),
    "bombeiro": (),
    "policial": (),
    "agente": (),
    "estudante": (),
    "vítima": (),
    "morador": (),
    "moradora": (),
    "filho": (),
    "filha": (),
    "mulher": (),
    "marido": (),
    "esposa": (),
    "viúva": (),
    "mãe": (),
    "pai": (),
    "irmão": (),
    "neto": (),
    "neta": (),
    "ministro-chefe": (),
    "ministra-chefe": (),
    "tenente-coronel": (),
    "major": (),
    "brigadeiro": (),
    "almirante": (),
    "subcomandante": (),
    "superintendente": (),
    "coordenador": (),
    "coordenadora": (),
    "gerente": (),
    "presidente-executivo": (),
    "economista-chefe": (),
    "académico": (),
    "acadêmico": (),
    "académica": (),
    "acadêmica": (),
    "politólogo": (),
    "politóloga": (),
    "cientista político": (),
    "cientista política": (),
    "sociólogo": (),
    "socióloga": (),
    "investigador": (),
    "investigadora": (),
    "dono": (),
    "dona": (),
    "proprietário": (),
    "proprietária": (),
    "sócio": (),
    "sócia": (),
    "testemunha": (),
    "sobrevivente": (),
    "parlamentar": (),
    "eurodeputado": (),
    "eurodeputada": (),
    "chefe do estado": ("head_of_state",),
    "chefe do governo": ("head_of_government",),
}

#: Role nouns that name one kind of person: "o académico" may stand for the "politólogo"
#: or "professor" named before. Nouns not listed are their own class.
ROLE_CLASSES: dict[str, str] = {
    **{
        noun: "expert"
        for noun in (
            "académico", "acadêmico", "académica", "acadêmica", "politólogo", "politóloga",
            "cientista político", "cientista política", "sociólogo", "socióloga", "professor",
            "professora", "pesquisador", "pesquisadora", "investigador", "investigadora",
            "especialista", "analista", "economista", "cientista",
        )
    },
    **{noun: "mayor" for noun in ("prefeito", "prefeita", "autarca", "edil", "presidente da câmara")},
    **{noun: "coach" for noun in ("técnico", "técnica", "treinador", "treinadora", "comandante técnico")},
    **{
        noun: "owner"
        for noun in (
            "dono", "dona", "proprietário", "proprietária", "sócio", "sócia", "empresário", "empresária",
        )
    },
}  # fmt: skip

#: Ministry portfolios after "ministro/ministra" ("ministra da Saúde") -> role key.
PORTFOLIOS: dict[str, str] = {
    "fazenda": "finance_minister",
    "finanças": "finance_minister",
    "economia": "finance_minister",
    "relações exteriores": "foreign_minister",
    "negócios estrangeiros": "foreign_minister",
    "saúde": "health_minister",
    "justiça": "justice_minister",
    "justiça e segurança pública": "justice_minister",
    "defesa": "defence_minister",
    "educação": "education_minister",
    "meio ambiente": "environment_minister",
    "ambiente": "environment_minister",
    "planejamento": "planning_minister",
    "casa civil": "chief_of_staff",
    "interior": "interior_minister",
    "administração interna": "interior_minister",
    "agricultura": "agriculture_minister",
    "trabalho": "labour_minister",
    "cultura": "culture_minister",
}

#: Heads of institutions whose holder the KB knows: "presidente do Banco Central".
INSTITUTION_ROLE_PREPOSITIONS: frozenset[str] = frozenset({"de", "do", "da", "dos", "das"})

#: First words of organisation names.
ORG_CUES: frozenset[str] = frozenset(
    {
        "ministério", "banco", "universidade", "faculdade", "escola", "colégio", "agência", "partido",
        "supremo", "tribunal", "comitê", "comité", "corpo", "defesa", "polícia", "secretaria",
        "prefeitura", "assembleia", "câmara", "senado", "congresso", "comissão", "fundação",
        "instituto", "associação", "sindicato", "federação", "confederação", "conselho", "centro",
        "empresa", "companhia", "cia", "grupo", "organização", "procuradoria", "defensoria",
        "ministério público", "governo", "exército", "marinha", "força", "forças", "guarda",
        "hospital", "igreja", "clube", "esporte", "sport", "sociedade", "autoridade", "departamento",
        "superintendência", "receita", "caixa", "petrobras", "observatório",
        "serviço", "direção-geral", "direcção-geral", "inspeção", "comando", "gabinete", "junta",
        "coordenadoria", "controladoria", "advocacia-geral", "tesouro", "bolsa", "fórum", "liga",
        "movimento", "frente", "aliança", "união", "museu", "teatro", "jornal", "rede", "rádio",
        "televisão", "tv", "editora", "laboratório", "cooperativa", "ordem", "academia",
        "conservatório", "vara", "delegacia", "batalhão", "regimento", "brigada", "presidência",
        "vice-presidência", "ouvidoria", "corregedoria", "fundo", "programa", "autarquia",
        "grupamento", "divisão", "santa casa", "casa civil", "guarda municipal",
    }
)  # fmt: skip

#: Last words of organisation names ("Vale S.A.", "Padaria Estrela Ltda.").
ORG_SUFFIXES: frozenset[str] = frozenset(
    {
        "s.a.", "s/a", "ltda.", "ltda", "lda.", "lda", "sa", "inc.", "corp.", "investimentos",
        "participações", "seguros", "seguradora", "energia", "engenharia", "consultoria",
        "associados", "advogados", "capital", "holding", "asset", "bank", "telecom", "linhas",
        "construtora", "incorporadora", "transportes", "logística", "alimentos", "distribuidora",
        "paulista", "mineração", "siderurgia", "agronegócio", "tecnologia",
    }
)  # fmt: skip

#: First words of place names.
LOC_CUES: frozenset[str] = frozenset(
    {
        "rua", "avenida", "av.", "praça", "largo", "travessa", "alameda", "rodovia", "estrada",
        "bairro", "rio", "serra", "lago", "lagoa", "ilha", "ilhas", "baía", "praia", "monte",
        "morro", "vale", "cabo", "golfo", "mar", "oceano", "estreito", "canal", "ponte", "viaduto",
        "parque", "jardim", "vila", "distrito", "município", "região", "península", "deserto",
        "floresta", "cordilheira", "pico", "aeroporto", "porto", "estação", "terminal", "território",
        "faixa", "cisjordânia", "planalto", "chapada", "complexo", "comunidade", "favela",
        "cidade", "condado", "província", "estado", "república", "sul", "norte", "leste", "oeste",
        "nordeste", "sudeste", "centro-oeste", "noroeste", "sudoeste",
    }
)  # fmt: skip

#: Words before a capitalised name that make it a place ("cidade de X", "no bairro X").
LOC_CONTEXT: tuple[str, ...] = (
    "cidade de", "cidade do", "cidade da", "estado de", "estado do", "estado da", "município de",
    "município do", "município da", "bairro de", "bairro do", "bairro da", "região de", "região do",
    "região da", "distrito de", "distrito do", "distrito da", "concelho de", "concelho do",
    "concelho da", "freguesia de", "província de", "capital", "vila de", "ilha de", "litoral de",
    "interior de", "periferia de", "arredores de", "centro de", "zona norte de", "zona sul de",
    "zona leste de", "zona oeste de", "sul de", "norte de", "leste de", "oeste de", "país",
    "localidade de", "aldeia de", "capital do", "capital da", "natural de", "nasceu em", "mora em",
    "bairro", "bairros", "rua", "avenida", "rodovia", "estrada", "município", "cidade", "distrito",
    "região", "rio", "baía", "praia", "ilha", "comunidade", "favela", "vila", "localidade", "aldeia",
    "freguesia", "concelho", "condomínio", "loteamento", "povoado", "arquipélago", "lago", "serra",
    "perto de", "perto do", "perto da", "próximo a", "próximo ao", "próximo à", "próximo de",
    "a caminho de", "com destino a", "em direção a", "partiu de", "saiu de", "vindo de", "vinda de",
    "vive em", "viajou a", "viajou para", "chegou a", "chegou em", "visita a", "visitou",
)  # fmt: skip

#: Prepositions before a place: weak evidence for LOC of an unknown single name.
LOC_PREPOSITIONS: frozenset[str] = frozenset({"em", "no", "na", "nos", "nas", "para", "pra", "rumo"})

#: Words after a name that make it a person ("X disse", "X, de 45 anos").
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "disse", "afirmou", "declarou", "explicou", "contou", "relatou", "destacou", "ressaltou",
        "acrescentou", "completou", "comentou", "argumentou", "defendeu", "criticou", "questionou",
        "alertou", "lembrou", "garantiu", "prometeu", "anunciou", "informou", "negou", "admitiu",
        "reconheceu", "avaliou", "considerou", "frisou", "sublinhou", "salientou", "reiterou",
        "disse-me", "diz", "afirma", "declara", "explica", "conta", "defende", "critica", "avalia",
        "escreveu", "publicou", "respondeu", "perguntou", "pediu", "cobrou", "sugeriu", "ponderou",
        "opinou", "reforçou", "observou", "assinalou", "enfatizou", "classificou", "chamou", "nasceu",
        "morreu", "faleceu", "casou", "viajou", "votou", "assinou",
    }
)  # fmt: skip

#: Capitalised words that are not names: sentence starters, section labels, weekdays, months.
#: The finder also treats any word that appears in lower case in the same article as common.
STOP_CAPITALISED: frozenset[str] = frozenset(
    {
        "a", "o", "as", "os", "um", "uma", "uns", "umas", "e", "ou", "mas", "porém", "contudo",
        "todavia", "entretanto", "no", "na", "nos", "nas", "do", "da", "dos", "das", "de", "em",
        "ao", "aos", "à", "às", "pelo", "pela", "pelos", "pelas", "por", "para", "com", "sem",
        "sob", "sobre", "entre", "até", "após", "ante", "perante", "desde", "contra", "segundo",
        "conforme", "durante", "mediante", "como", "quando", "onde", "enquanto", "se", "que",
        "quem", "qual", "quais", "porque", "pois", "já", "ainda", "também", "não", "sim", "nem",
        "só", "apenas", "mesmo", "mais", "menos", "muito", "muitos", "muitas", "pouco", "poucos",
        "todos", "todas", "todo", "toda", "cada", "outro", "outra", "outros", "outras", "esse",
        "essa", "esses", "essas", "este", "esta", "estes", "estas", "isso", "isto", "aquele",
        "aquela", "aquilo", "ele", "ela", "eles", "elas", "eu", "nós", "você", "vocês", "seu",
        "sua", "seus", "suas", "meu", "minha", "nosso", "nossa", "ontem", "hoje", "amanhã",
        "anteontem", "agora", "depois", "antes", "então", "assim", "aqui", "ali", "lá", "aí",
        "além", "apesar", "embora", "caso", "logo", "sempre", "nunca", "jamais", "talvez",
        "publicidade", "anúncio", "leia", "veja", "assista", "ouça", "saiba", "confira", "foto",
        "fotos", "vídeo", "imagem", "reprodução", "divulgação", "arquivo", "atualizado",
        "atualização", "publicado", "compartilhe", "comente", "siga", "assine", "clique", "acesse",
        "relacionadas", "notícias", "lidas", "últimas", "edição", "redação", "reportagem",
        "colaboração", "entrevista", "opinião", "análise", "editorial", "coluna", "blog", "tópicos",
        "há", "havia", "foi", "era", "é", "está", "estão", "estava", "será", "seria",
        "tem", "têm", "teve", "houve", "ser", "estar", "fazer", "ter", "diz", "disse", "afirmou",
        "ok", "obrigado", "obrigada", "olá", "bom", "boa", "novo", "nova", "novos", "novas",
        "grande", "pequeno", "primeiro", "primeira", "último", "última", "neste", "nesta", "nesse",
        "nessa", "naquele", "naquela", "deste", "desta", "desse", "dessa", "daquele", "daquela",
        "num", "numa", "dum", "duma", "sobretudo", "inclusive", "principalmente", "atualmente",
        "recentemente", "finalmente", "aliás", "afinal", "enfim", "portanto",
        "daí", "tudo", "nada", "algo", "alguém", "ninguém", "algum", "alguma", "alguns",
        "algumas", "nenhum", "nenhuma", "vários", "várias", "diversos", "diversas", "ambos",
        "ambas", "tanto", "tanta", "tal", "tais", "qualquer", "quaisquer", "cerca", "quase",
        "vai", "vão", "pode", "podem", "deve", "devem", "precisa", "vamos",
        "queremos", "temos", "somos", "estamos", "fomos", "sou", "estou", "tenho", "quero",
        "acho", "penso", "creio", "sei", "morreu", "morreram", "morre", "morrem", "governo",
        "presidente", "ministro", "ministra", "polícia", "estado", "país", "cidade", "capital",
        "região", "sul", "norte", "leste", "oeste", "centro", "nordeste", "sudeste", "centro-oeste",
        "ex", "entenda", "relembre", "exclusivo", "urgente", "ao vivo", "aviso",
        "nota", "obs", "fonte", "fontes", "créditos", "crédito", "legenda", "galeria", "especial",
        "podcast", "newsletter", "tags", "tag", "assuntos", "tema", "temas", "capítulo",
        "parte", "fase", "lei", "artigo", "decreto", "projeto", "medida", "proposta", "texto",
        "mundo", "internacional", "nacional", "política", "economia", "esportes", "esporte",
        "cultura", "saúde", "educação", "ciência", "tecnologia", "cotidiano", "local",
        "locais", "geral", "variedades", "entretenimento", "sociedade", "ambiente", "justiça",
    }
) | frozenset({*WEEKDAYS, *SHORT_WEEKDAYS, *MONTHS})  # fmt: skip

#: Role and office words that take a capital in some styles ("Presidente", "Governo") but
#: never name an entity on their own.
GENERIC_CAPITALISED: frozenset[str] = frozenset(
    {
        "presidente", "governo", "estado", "ministro", "ministra", "prefeito", "governador",
        "república", "país", "nação", "povo", "polícia", "justiça", "executivo", "legislativo",
        "judiciário", "constituição", "federal", "municipal", "estadual", "nacional", "internet",
    }
)  # fmt: skip

#: Common first names (Brazil and Portugal): a capitalised span starting with one is a person.
FIRST_NAMES: frozenset[str] = frozenset(
    {
        "adriana", "adriano", "afonso", "alberto", "alessandra", "alexandre", "alice", "aline",
        "álvaro", "amanda", "ana", "anderson", "andré", "andrea", "andréa", "andreia", "ângela",
        "angélica", "antónio", "antônio", "arthur", "artur", "augusto", "aurélio", "beatriz",
        "benedito", "bernardo", "bianca", "bruna", "bruno", "caio", "camila", "carla", "carlos",
        "carolina", "caroline", "catarina", "cecília", "célia", "celso", "césar", "cláudia",
        "cláudio", "clara", "cristiano", "cristina", "daniel", "daniela", "danilo", "david", "davi",
        "débora", "denise", "diego", "diogo", "douglas", "duarte", "edson", "eduardo", "elaine",
        "eliane", "elisa", "elizabeth", "emanuel", "ester", "eugénio", "eugênio", "fábio", "fabiana",
        "fabiano", "fabrício", "felipe", "fernanda", "fernando", "filipa", "filipe", "flávia",
        "flávio", "francisca", "francisco", "gabriel", "gabriela", "geraldo", "gilberto", "gilmar",
        "gisele", "giovana", "giovanna", "gonçalo", "guilherme", "gustavo", "helena", "hélio",
        "henrique", "hugo", "igor", "inês", "isabel", "isabela", "isabella", "ivo", "jaime", "jair",
        "janaína", "joana", "joão", "joaquim", "jorge", "josé", "josefa", "júlia", "juliana",
        "juliano", "júlio", "larissa", "laura", "leandro", "leonardo", "letícia", "lívia", "lucas",
        "lúcia", "luciana", "luciano", "lúcio", "luís", "luísa", "luiz", "luiza", "manuel",
        "manuela", "mara", "marcela", "marcelo", "márcia", "marcos", "marcio", "márcio", "marco",
        "margarida", "maria", "mariana", "marina", "mário", "marta", "mateus", "matheus", "maurício",
        "mauro", "miguel", "milton", "mirela", "mônica", "mónica", "nelson", "nuno", "olga",
        "osvaldo", "otávio", "patrícia", "paula", "paulo", "pedro", "priscila", "rafael", "rafaela",
        "raquel", "raul", "regina", "renata", "renato", "ricardo", "rita", "roberta", "roberto",
        "rodrigo", "rogério", "ronaldo", "rosa", "rosana", "rui", "sandra", "sara", "sebastião",
        "sérgio", "sílvia", "sílvio", "simone", "sofia", "sónia", "sônia", "suzana", "tatiana",
        "teresa", "thiago", "tiago", "tomás", "valéria", "vanessa", "vasco", "vera", "vicente",
        "vinícius", "vítor", "vitor", "vitória", "wagner", "walter", "wellington", "wilson",
        "yasmin", "alexandra", "edgar", "emília", "fátima", "graça", "glória", "ivone", "lurdes",
        "conceição", "rosário", "hélder", "jéssica", "natália", "michel", "michele", "tânia",
        "cátia", "benjamim", "gervásio", "leonor", "madalena", "matilde", "rodolfo",
        "lourenço", "martim", "rúben", "telmo", "valter", "xavier", "zeca", "dilma", "aécio",
        "ciro", "tarcísio", "romeu", "ratinho", "helder", "eduarda", "lara", "lorena",
        "emerson", "everton", "ederson", "neymar", "vinicius", "rayssa", "rebeca",
    }
)  # fmt: skip

#: Nouns before a capitalised name that make it an organisation ("a empresa Vale", "o jornal Folha").
ORG_CONTEXT: frozenset[str] = frozenset(
    {
        "empresa", "companhia", "jornal", "revista", "emissora", "rede", "grupo", "partido", "sigla",
        "legenda", "organização", "ong", "agência", "site", "portal", "plataforma", "montadora",
        "construtora", "startup", "fabricante", "marca", "clube", "time", "equipe", "banco",
        "entidade", "instituição", "órgão", "associação", "sindicato", "seguradora", "operadora",
        "varejista", "estatal", "petroleira", "mineradora", "farmacêutica", "companhia aérea",
        "aérea", "instituto", "consultoria", "gestora", "corretora", "fintech", "coletivo", "facção",
        "boate", "bar", "restaurante", "hotel", "loja", "lanchonete", "padaria", "casa noturna",
        "casa de shows", "shopping", "supermercado", "hipermercado", "academia", "escola", "colégio",
        "creche", "igreja", "templo", "teatro", "cinema", "museu", "hospital", "clínica", "farmácia",
        "distribuidora", "concessionária", "transportadora", "cervejaria", "frigorífico", "usina",
        "fábrica", "indústria", "universidade", "faculdade", "centro", "projeto",
    }
)  # fmt: skip

#: Subject pronouns that may stand for a speaker.
PRONOUNS: frozenset[str] = frozenset({"ele", "ela", "o mesmo", "a mesma"})

#: Determiners before a role noun that make it a definite description ("o presidente").
DETERMINERS: frozenset[str] = frozenset(
    {
        "o",
        "a",
        "do",
        "da",
        "no",
        "na",
        "ao",
        "à",
        "pelo",
        "pela",
        "deste",
        "desta",
        "este",
        "esta",
        "esse",
        "essa",
    }
)

#: First words of names of events, laws, works and other things that are neither PER, ORG nor LOC.
MISC_CUES: frozenset[str] = frozenset(
    {
        "lei", "decreto", "projeto", "plano", "programa", "operação", "festa", "festival", "copa",
        "campeonato", "prêmio", "prémio", "guerra", "revolução", "regulamento", "teoria", "medida",
        "emenda", "reforma", "pec", "cúpula", "conferência", "fórum", "jogos", "olimpíadas",
        "mundial", "carnaval", "natal", "páscoa", "bienal", "exposição", "feira", "semana",
        "acordo", "tratado", "pacto", "estatuto", "código", "constituição", "marco", "bolsa família",
    }
)  # fmt: skip

#: Words that start a person's name and belong to it ("D. Pedro", "Dom Pedro", "Dona Maria").
PERSON_PREFIXES: frozenset[str] = frozenset({"d.", "dom", "dona"})

#: Capitalised words and acronyms that are never annotated as names: economic concepts,
#: documents, diseases, currency prefixes ("PIB", "CDBs", "CPF", "Covid").
NOT_NAMES: frozenset[str] = frozenset(
    {
        "pib", "produto interno bruto", "cdb", "cdbs", "lci", "lca", "lcis", "lcas", "cdi", "iof",
        "icms", "ipi", "irpf", "cpf", "cnpj", "cep", "pix", "tv", "ceo", "cfo", "covid", "covid-19",
        "hiv", "aids", "dna", "rna", "ong", "ongs", "pcd", "lgbt", "lgbtqia+", "ok", "us$", "r$", "gps",
        "wi-fi", "pdf", "ti", "ia", "uti", "utis", "sms", "app", "apps", "km", "kg", "h",
    }
)  # fmt: skip
