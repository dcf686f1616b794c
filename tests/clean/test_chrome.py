# ruff: noqa: E501  (scraped paragraphs are long lines, as on the page)
"""The "clean" stage on scraped pages written for these tests, one expected label per line.

Each page is a block of ``label| text`` lines: ``.`` marks an article line that must
be kept, ``T`` the headline (kept), anything else the reason the line is removed for.
The sites, people and events are made up unless they are public institutions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from parallax.clean.chrome import clean_article
from parallax.clean.language import detect_language
from parallax.model import Article, Source
from parallax.options import Options

OPTIONS = Options(workspace=None)


@dataclass(frozen=True)
class Page:
    name: str
    language: str
    article: Article
    title: str
    removed: list[tuple[str, str]]  # (text, reason) in page order
    kept: list[str]


def page(name: str, language: str, labelled: str, *, header: str = "") -> Page:
    lines = [raw for raw in labelled.strip("\n").splitlines() if raw.strip()]
    texts: list[str] = []
    removed: list[tuple[str, str]] = []
    kept: list[str] = []
    title = ""
    for raw in lines:
        label, _, text = raw.partition("| ")
        label = label.strip()
        texts.append(text)
        if label == "T":
            title = text
            kept.append(text)
        elif label == ".":
            kept.append(text)
        else:
            removed.append((text, label))
    text = header + "\n".join(texts) + "\n"
    article = Article(id=name, source=Source(path=f"{name}.txt"), text=text, content_hash=name)
    return Page(name, language, article, title, removed, kept)


PAGES: list[Page] = [
    page(
        "portal-ptbr-incendio",
        "pt",
        """
navigation| Jornal do Vale
navigation| Menu
navigation| Brasil
navigation| Mundo
navigation| Economia
subscription| Assine
navigation| Entrar
T| Incêndio em depósito deixa três feridos em Campinas
.| Chamas atingiram galpão de produtos de limpeza; causa ainda é desconhecida
byline| Por Carla Mendes
byline| 14/03/2025 10h30 - Atualizado há 2 horas
share_prompt| Compartilhe
share_prompt| Compartilhar no WhatsApp
share_prompt| Compartilhar no Facebook
.| Um incêndio atingiu um depósito de produtos de limpeza no bairro Jardim Aurélia, em Campinas (SP), na madrugada desta sexta-feira (14) e deixou três funcionários feridos, segundo o Corpo de Bombeiros.
advert| Publicidade
.| O fogo começou por volta das 3h e levou quase quatro horas para ser controlado. Onze viaturas foram enviadas ao local.
.| — Tivemos muita dificuldade por causa da fumaça tóxica — disse o tenente Rogério Alves.
teaser| Leia também: Polícia prende suspeito de furtar cabos de energia no centro
.| Publicidade de produtos de limpeza sem registro é proibida, lembrou a vigilância sanitária.
.| Ninguém morreu.
caption| Bombeiros trabalham no rescaldo do depósito
caption| Foto: Ana Lúcia Prado/Jornal do Vale
newsletter_prompt| Receba as notícias no WhatsApp
newsletter_prompt| Siga-nos no Instagram
teaser| Veja também
teaser| + Prefeitura anuncia novo plano de combate a enchentes
teaser| + Obras na rodovia interditam faixa até domingo
comments| Comentários
cookie_banner| Este site usa cookies para melhorar sua experiência. Ao continuar navegando, você concorda com a nossa política de privacidade.
cookie_banner| Aceitar
footer| © 2025 Jornal do Vale. Todos os direitos reservados.
""",
    ),
    page(
        "agencia-publica-ptbr",
        "pt",
        """
navigation| Agência Brasil
navigation| Menu
navigation| Últimas notícias
navigation| Geral
T| Governo libera R$ 200 milhões para cidades atingidas por chuvas
byline| Publicado em 03/04/2025 - 18:12 Por Renata Lins - Repórter da Agência Brasil - Brasília
share_prompt| Compartilhe:
share_prompt| Copiar link
.| O Ministério da Integração e do Desenvolvimento Regional anunciou nesta quinta-feira (3) a liberação de R$ 200 milhões para 41 municípios em situação de emergência.
.| Os recursos serão usados em obras de contenção de encostas e na recuperação de estradas vicinais, informou a pasta.
caption| Obras de contenção em encosta de Petrópolis - Tânia Rêgo/Agência Brasil
.| Segundo o ministério, o repasse é feito diretamente aos fundos municipais.
byline| Edição: Paulo Teixeira
teaser| Veja também
teaser| + Defesa Civil emite alerta para ventos fortes no litoral
teaser| + Inscrições para concurso unificado terminam na sexta
footer| Empresa de Comunicação Pública - ECP
footer| Conteúdo sob licença Creative Commons CC BY 4.0
""",
    ),
    page(
        "diario-ptpt-lusa",
        "pt",
        """
navigation| Diário da Foz
navigation| País
navigation| Mundo
navigation| Desporto
T| Greve dos professores encerra mais de 300 escolas em todo o país
byline| 11 mar 2025 14:20
share_prompt| Partilhe este artigo
.| Lisboa, 11 mar (Lusa) – Mais de 300 escolas estiveram hoje encerradas devido à greve dos professores, segundo a federação sindical, que fala numa adesão de 80%.
.| — Os professores estão cansados de promessas — afirmou o dirigente sindical Rui Marques, à porta do ministério.
.| O Ministério da Educação contestou os números e disse que a maioria das escolas funcionou com normalidade.
advert| Publicidade
.| A próxima ronda negocial está marcada para dia 20.
byline| JMS // RBF
byline| Lusa/Fim
teaser| Mais lidas
teaser| Chuva forte provoca cheias na Baixa de Coimbra
teaser| Preço do pão volta a subir em abril
empty_heading| Tópicos
newsletter_prompt| Subscreva a newsletter do Diário da Foz
footer| © 2025 Diário da Foz. Todos os direitos reservados.
footer| Estatuto Editorial | Ficha Técnica | Contactos
""",
    ),
    page(
        "wire-en-reuters",
        "en",
        """
navigation| The Harbour Ledger
navigation| World
navigation| Business
navigation| Markets
navigation| Sign In
subscription| Subscribe for $1 a week
T| Chile's copper output falls 4% as strikes hit two mines
byline| March 13, 2025 8:15 AM UTC Updated 2 hours ago
share_prompt| Share
share_prompt| Save
.| SANTIAGO, March 13 (Reuters) - Chile's copper production fell 4% in February from a year earlier, the national statistics institute said on Thursday, as strikes halted work at two large mines.
advert| Advertisement · Scroll to continue
.| "We expect output to recover in the second quarter," mining minister Elena Rojas told reporters.
newsletter_prompt| Sign up here.
.| Copper prices rose 1.2% on the London Metal Exchange after the data.
byline| (Reporting by Pablo Duarte; Editing by Susan Clarke)
teaser| Read Next
teaser| Peru's central bank holds rates steady for third month
teaser| Lithium miners brace for weaker demand
comments| Comments (0)
footer| © 2025 The Harbour Ledger. All rights reserved.
""",
    ),
    page(
        "diario-es-efe",
        "es",
        """
navigation| Diario del Sur
navigation| Portada
navigation| Internacional
T| Un terremoto de magnitud 6,1 sacude el norte de Perú sin causar víctimas
.| Las autoridades evalúan daños en viviendas de adobe en la región de Piura
byline| Redacción Internacional
.| Lima, 6 jul (EFE).- Un terremoto de magnitud 6,1 sacudió este domingo el norte de Perú, sin que se hayan reportado víctimas, según informó el Instituto Geofísico del Perú.
advert| Publicidad
.| "No hay reportes de fallecidos hasta el momento", dijo el jefe de Defensa Civil a la agencia EFE.
teaser| Te puede interesar: Perú declara emergencia en tres regiones por lluvias
social_embed| Ver esta publicación en Instagram
social_embed| Seguimos monitoreando la situación en Piura. Mantengan la calma.
social_embed| Una publicación compartida por Defensa Civil Piura (@defensacivilpiura)
.| El sismo se sintió también en el sur de Ecuador.
share_prompt| Compartir en Facebook
share_prompt| Compartir en Twitter
teaser| Lo más leído
teaser| El dólar cierra la semana en alza
newsletter_prompt| Suscríbete a nuestro boletín
byline| (c) Agencia EFE
footer| © 2025 Diario del Sur. Todos los derechos reservados.
""",
    ),
    page(
        "portal-ptbr-embed",
        "pt",
        """
navigation| Gazeta Litoral
navigation| Política
navigation| Mundo
T| Presidente recebe primeiro-ministro do Canadá em Brasília
byline| Da Redação
byline| 22 de fevereiro de 2025 às 10:25
newsletter_prompt| Receba as notícias no WhatsApp
.| O presidente recebeu nesta sexta-feira o primeiro-ministro do Canadá no Palácio do Planalto para discutir comércio e transição energética.
.| Depois do encontro, o premiê comentou a visita em uma rede social:
social_embed| Great meeting with the President of Brazil today in Brasília. Our countries will deepen cooperation on clean energy and trade. pic.twitter.com/Xy12AbCd9Q
social_embed| — Prime Minister's Office (@pmo_example) February 21, 2025
.| Os dois países devem assinar um memorando de entendimento até o fim do ano.
advert| PUBLICIDADE
share_prompt| Compartilhar no WhatsApp
share_prompt| Compartilhar no X
teaser| Mais lidas
teaser| 1. Mega-Sena acumula e prêmio vai a R$ 45 milhões
teaser| 2. Frente fria derruba temperaturas no Sul
comments| Comentários
comments| Seja o primeiro a comentar
footer| © 2025 Gazeta Litoral. Todos os direitos reservados.
footer| Política de privacidade | Termos de uso | Fale conosco
""",
    ),
    page(
        "paywall-ptbr",
        "pt",
        """
navigation| Folha do Planalto Central
navigation| Mercado
navigation| Cotações
subscription| Assine o Planalto Central: 3 meses por R$ 9,90
T| Inflação desacelera para 0,31% em fevereiro, aponta IBGE
byline| Por Helena Duarte, de Brasília
byline| 12/03/2025 - 09h05
.| O Índice Nacional de Preços ao Consumidor Amplo (IPCA) subiu 0,31% em fevereiro, após alta de 0,56% em janeiro, informou nesta quarta-feira o IBGE.
advert| Continua após a publicidade
.| Em 12 meses, a inflação acumulada chega a 4,9%, acima do teto da meta.
subscription| Conteúdo exclusivo para assinantes
subscription| Já é assinante? Faça seu login
byline| Com agências
tag-heading-placeholder| Tópicos
""".replace("tag-heading-placeholder", "empty_heading"),
    ),
    page(
        "news-en-ap",
        "en",
        """
navigation| Skip to main content
navigation| Home
navigation| World
T| Floods force thousands from their homes in southern Germany
byline| By Klaus Meyer and Laura Benson
byline| Published 9:40 AM EDT, June 2, 2025
share_prompt| Share on Facebook
share_prompt| Copy link
.| BERLIN (AP) — Heavy rain flooded towns across Bavaria on Sunday, forcing thousands of people to leave their homes, officials said.
advert| Advertisement
.| "The water came up so fast," said Maria Huber, 63, who was evacuated by boat.
teaser| READ MORE: Europe braces for another summer of extreme weather
.| Rescue teams were still searching for a firefighter who went missing overnight.
newsletter_prompt| Follow us on Facebook and Instagram
advert| Story continues below advertisement
.| The German weather service warned more rain was expected through Tuesday.
teaser| Related Stories
teaser| Rhine shipping halted as water levels rise
teaser| Austria declares emergency in two provinces
footer| Copyright 2025 The Associated Press. All rights reserved.
""",
    ),
    page(
        "diario-es-comentarios",
        "es",
        """
navigation| El Observador Andino
navigation| Menú
navigation| Economía
T| El Banco Central de Chile mantiene la tasa de interés en 5%
byline| Por Juan Pérez | Santiago
byline| 18 de marzo de 2025
share_prompt| Compartir
.| El Banco Central de Chile mantuvo este martes su tasa de política monetaria en 5%, en una decisión unánime que ya anticipaban los analistas.
.| "La inflación sigue por encima de la meta", señaló el consejo en un comunicado.
teaser| Más información: El peso chileno se aprecia frente al dólar
.| La próxima reunión será en abril.
navigation| Temas: Banco Central, tasas, inflación
comments| Comentarios
comments| Deja tu comentario
cookie_banner| Utilizamos cookies propias y de terceros para mejorar su experiencia de navegación.
cookie_banner| Aceptar
footer| Aviso legal
footer| Política de privacidad
""",
    ),
    page(
        "portal-ptpt-observador",
        "pt",
        """
navigation| Correio do Douro
navigation| Ouvir
share_prompt| Guardar
T| Câmara do Porto aprova novo plano de mobilidade para a Baixa
byline| Por Inês Carvalho
byline| 4 abr 2025, 18:02
share_prompt| Partilhe
.| A Câmara Municipal do Porto aprovou esta sexta-feira um plano que restringe o trânsito automóvel em várias ruas da Baixa a partir de setembro.
.| O vereador da Mobilidade garantiu que os moradores continuarão a ter acesso às suas garagens.
.| — Não vamos fechar a cidade, vamos devolvê-la às pessoas — disse o autarca.
subscription| Assine já e tenha acesso ilimitado a todos os artigos
.| O plano será discutido em assembleia municipal no dia 15.
comments| Os comentários estão sujeitos a moderação.
comments| Ver comentários
footer| © 2025 Correio do Douro. Todos os direitos reservados.
""",
    ),
    page(
        "blog-en-quote",
        "en",
        """
navigation| Coastline Daily
navigation| Menu
T| City council approves new seawall after years of debate
byline| By Priya Nair
.| The city council voted 7-2 on Tuesday to build a 3-kilometre seawall along the northern beaches.
.| "This is the most important decision this council has made in a decade," Mayor Tom Riley said.
.| Opponents said the wall would destroy the dunes.
.| Work is expected to start next spring.
share_prompt| Share this article
newsletter_prompt| Get the latest news delivered to your inbox.
navigation| Tags
navigation| Local
navigation| Environment
footer| Privacy Policy
footer| Terms of Use
""",
    ),
    page(
        "portal-ptbr-folha-style",
        "pt",
        """
navigation| Diário da Capital
subscription| Assine
navigation| Entrar
navigation| Cotidiano
T| Chuva alaga avenidas e derruba árvores em São Paulo
byline| Por Gustavo Ramos
byline| 23.fev.2025 às 8h00
share_prompt| Compartilhe
.| Uma forte chuva atingiu a capital paulista na noite de sábado (22) e alagou ao menos 14 pontos, segundo o Centro de Gerenciamento de Emergências.
advert| Publicidade
advert| Continua após a publicidade
.| Pelo menos 30 árvores caíram, e parte da zona sul ficou sem energia.
empty_heading| Galeria de fotos
caption| Motoristas enfrentam alagamento na avenida do Estado. Foto: Gustavo Ramos/Diário da Capital
.| A Defesa Civil manteve o estado de atenção até a manhã de domingo.
teaser| Veja também
teaser| + Quem tem direito a indenização por queda de árvore
teaser| + Previsão indica semana de calor e pancadas isoladas
comments| Comentários (14)
footer| © 2025 Diário da Capital. Todos os direitos reservados.
footer| Termos de Uso | Política de Privacidade | Expediente
""",
    ),
    page(
        "portal-ptbr-headline-only-menu",
        "pt",
        """
navigation| TRIBUNA DO SERTÃO
navigation| Piauí
navigation| Brasil
navigation| Agro
T| Seca reduz safra de milho em 20% no Piauí
.| A estiagem prolongada deve reduzir em 20% a colheita de milho no Piauí nesta safra, estimou a Companhia Nacional de Abastecimento (Conab).
.| Segundo a Conab, as perdas se concentram no sul do estado.
byline| Com informações da Agência Brasil
navigation| Tags: seca, milho, Piauí
""",
    ),
    page(
        "site-en-cookies",
        "en",
        """
cookie_banner| We use cookies to personalise content and ads and to analyse our traffic.
cookie_banner| Accept all
navigation| The Northern Times
T| Rail strike to halt trains across Scotland on Friday
byline| Updated 14 May 2025, 07:30 BST
.| Train drivers will walk out for 24 hours on Friday in a dispute over pay, the union said.
.| Operators said no services would run on most routes.
newsletter_prompt| Sign up for our morning newsletter and never miss a story
comments| Join the conversation
footer| Contact us
""",
    ),
    page(
        "diario-es-mx",
        "es",
        """
navigation| Noticias del Golfo
navigation| Inicio
navigation| Nacional
T| Reportan saldo blanco tras el paso del huracán por Veracruz
byline| Por Ana Lucía Torres
byline| 12 de septiembre de 2025 - 11:40
.| El huracán tocó tierra la madrugada de este jueves cerca del puerto de Veracruz sin dejar víctimas, informaron las autoridades estatales.
teaser| Lee también: Suspenden clases en 40 municipios por lluvias
.| Protección Civil reportó árboles caídos y cortes de luz en la zona conurbada.
advert| Contenido patrocinado
newsletter_prompt| Síguenos en Facebook y X
teaser| Noticias relacionadas
teaser| Pemex reanuda operaciones en el puerto de Coatzacoalcos
footer| Queda prohibida la reproducción total o parcial de este contenido sin autorización.
""",
    ),
    page(
        "portal-ptbr-short-body",
        "pt",
        """
navigation| Folha da Serra
navigation| Cidades
T| Ponte sobre o rio Tibagi é liberada após reforma
.| BRASÍLIA
.| A ponte foi liberada ao tráfego nesta terça-feira.
.| A obra custou R$ 3 milhões.
.| Comentários racistas em rede social levaram à abertura de inquérito contra o vereador.
.| Compartilhar dados de passageiros sem autorização é crime, lembrou o promotor.
share_prompt| Compartilhar no WhatsApp
""",
    ),
    page(
        "hard-ptbr-intertitles",
        "pt",
        """
T| Operação prende 12 suspeitos de fraude no INSS em quatro estados
.| A Polícia Federal cumpriu nesta terça-feira 12 mandados de prisão contra suspeitos de fraudar benefícios previdenciários em São Paulo, Minas Gerais, Bahia e Pernambuco.
.| Investigação
advert| Publicidade
.| As investigações começaram há dois anos, depois de denúncias de aposentados que tiveram descontos indevidos.
.| Veja a seguir os principais pontos da operação:
.| • 12 mandados de prisão preventiva;
.| • 40 mandados de busca e apreensão.
.| Leia a íntegra da nota divulgada pela PF:
.| “A Polícia Federal deflagrou hoje a Operação Desconto Zero para apurar fraudes contra o INSS.”
.| Siga o dinheiro e encontrará os culpados, disse o delegado.
.| Aceitar a proposta de delação seria um erro, afirmou a defesa.
.| Assista ao depoimento completo na TV Câmara a partir das 20h.
""",
    ),
    page(
        "hard-en-same-language-embed",
        "en",
        """
navigation| Lakeside Herald
T| Storm knocks out power to 200,000 homes in Ontario
.| A powerful storm swept through southern Ontario on Monday, leaving about 200,000 homes without electricity.
.| The provincial utility posted an update on social media:
social_embed| Crews are working around the clock to restore power. We expect most customers to be reconnected by Wednesday night. #ONstorm
social_embed| — Ontario Power Updates (@on_power_updates) May 19, 2025
.| "It was like a freight train," said resident Mark Doyle.
.| Schools in three districts will remain closed on Tuesday.
share_prompt| Share this story
""",
    ),
    page(
        "hard-es-english-quote",
        "es",
        """
navigation| La Voz del Caribe
navigation| Mundo
T| La ONU pide un alto el fuego inmediato en Sudán
.| El secretario general de la ONU pidió este lunes un alto el fuego inmediato en Sudán y advirtió que la crisis humanitaria empeora cada día.
.| En inglés, el funcionario resumió: "We cannot look away", ante el Consejo de Seguridad.
.| Más de 10 millones de personas han huido de sus hogares desde abril de 2023, según datos de Naciones Unidas.
byline| Con información de AFP
""",
    ),
    page(
        "hard-ptbr-short-headline",
        "pt",
        """
navigation| Diário do Norte
navigation| Economia
T| Dólar cai a R$ 5,40
.| O dólar fechou em queda de 1,2% nesta segunda-feira, cotado a R$ 5,40, o menor valor em quatro meses.
.| A bolsa subiu 0,8%.
share_prompt| Compartilhe
footer| Fale conosco
""",
    ),
]


#: More layouts (portal, paper, broadcaster, wire), written after the first set as held-out checks.
SITES: list[Page] = [
    page(
        "portal-g-style",
        "pt",
        """
navigation| Ir para o conteúdo principal
navigation| Portal Cerrado
navigation| Goiás
T| Motorista morre após carreta tombar na BR-153 em Anápolis
.| Acidente aconteceu na madrugada deste sábado (5); trânsito ficou lento por quatro horas
byline| Por Redação Portal Cerrado, Anápolis
byline| 05/04/2025 07h12 Atualizado há 3 horas
byline| Tempo de leitura: 2 min
.| Um motorista de 47 anos morreu depois que a carreta que ele dirigia tombou no km 432 da BR-153, em Anápolis, na madrugada deste sábado (5), segundo a Polícia Rodoviária Federal (PRF).
.| A carga de soja se espalhou pela pista, e uma das faixas ficou interditada até as 10h.
teaser| VÍDEOS: veja os destaques do Portal Cerrado
.| De acordo com a PRF, a vítima estava sozinha na cabine. O corpo foi levado ao Instituto Médico Legal (IML).
teaser| LEIA TAMBÉM:
teaser| Ônibus com estudantes sai da pista na GO-060
teaser| Chuva de granizo atinge cidades do Entorno do DF
newsletter_prompt| Participe do canal do Portal Cerrado no WhatsApp
footer| Copyright © 2025 Portal Cerrado. Proibida a reprodução sem autorização.
""",
    ),
    page(
        "jornal-ptpt-publico-style",
        "pt",
        """
navigation| Jornal do Mondego
navigation| Sociedade
T| Urgências de Leiria fecham à noite durante o fim-de-semana
byline| Ana Rita Lopes
byline| 12 de Abril de 2025, 19:45
share_prompt| Partilhar no Facebook
share_prompt| Partilhar no X
.| O serviço de urgência de obstetrícia do Hospital de Leiria vai estar encerrado entre as 20h e as 8h no sábado e no domingo, por falta de médicos, confirmou a administração da Unidade Local de Saúde.
.| As grávidas serão encaminhadas para Coimbra.
.| — Não há alternativa a curto prazo — admitiu o director clínico, em declarações à rádio local.
subscription| Apoie o jornalismo independente. Assine o Jornal do Mondego.
.| O Ministério da Saúde não respondeu às perguntas enviadas até à hora de fecho desta edição.
empty_heading| Tópicos
comments| Comentários
comments| Os comentários são da exclusiva responsabilidade dos seus autores.
footer| © 2025 Jornal do Mondego
""",
    ),
    page(
        "broadcaster-en-bbc-style",
        "en",
        """
navigation| Skip to content
navigation| Home
navigation| News
navigation| Sport
T| Volcano erupts in Iceland for the tenth time since 2023
byline| 2 hours ago
share_prompt| Share
share_prompt| Save
byline| By Helen Ward, Science reporter
.| A volcano on Iceland's Reykjanes peninsula has erupted again, sending lava fountains into the night sky.
.| The nearby town of Grindavik was evacuated as a precaution, the Icelandic Meteorological Office said.
caption| Lava flows from a fissure near Grindavik on Tuesday night
caption| Getty Images
.| Flights at Keflavik airport were operating normally.
navigation| Related topics
navigation| Iceland
navigation| Volcanoes
teaser| More on this story
teaser| Iceland declares state of emergency over volcano
""",
    ),
    page(
        "diario-es-clarin-style",
        "es",
        """
navigation| El Diario Austral
subscription| Suscribite
navigation| Ingresar
T| El Gobierno anunció un aumento del 5% en las jubilaciones desde mayo
.| La medida alcanza a más de siete millones de personas
byline| Laura Giménez
byline| 14/04/2025 10:02
.| El Gobierno nacional anunció este lunes un aumento del 5% en las jubilaciones y pensiones a partir de mayo, según informó la Administración Nacional de la Seguridad Social.
.| "Es un aumento que acompaña la inflación", dijo el vocero presidencial en conferencia de prensa.
teaser| Mirá también
teaser| Cómo consultar la fecha de cobro de abril
.| La oposición criticó la medida por insuficiente.
comments| Comentarios
footer| Copyright 2025 El Diario Austral. Todos los derechos reservados.
""",
    ),
    page(
        "wire-pt-reuters-brasil",
        "pt",
        """
navigation| Reuters Brasil Wire
T| Petrobras anuncia descoberta de petróleo na Margem Equatorial
.| RIO DE JANEIRO, 15 Abr (Reuters) - A Petrobras informou nesta terça-feira que encontrou indícios de petróleo em um poço perfurado na Margem Equatorial, na costa do Amapá.
.| A empresa disse que os dados ainda serão analisados antes de uma decisão sobre a viabilidade comercial.
.| As ações preferenciais da companhia subiam 2,1% às 11h.
byline| (Por Rafael Souza; edição de Marta Nogueira)
byline| ((Tradução Redação São Paulo, 55 11 5644-7700))
byline| REUTERS RS MN
""",
    ),
    page(
        "portal-uol-style",
        "pt",
        """
navigation| Portal Paulista
navigation| Notícias
navigation| Últimas
T| Hospital de Campinas suspende cirurgias eletivas após ataque hacker
byline| Do Portal Paulista, em Campinas
byline| 15/04/2025 16h40
navigation| Ouvir notícia
share_prompt| Imprimir
share_prompt| Copiar link
.| O Hospital Municipal de Campinas suspendeu as cirurgias eletivas desta semana depois de um ataque hacker que derrubou o sistema de prontuários eletrônicos na segunda-feira (14).
.| A prefeitura informou que os atendimentos de urgência estão mantidos e que nenhum dado de paciente foi vazado, segundo a investigação preliminar.
advert| Anúncio
.| A Polícia Civil abriu inquérito para investigar o caso.
teaser| Veja mais notícias sobre saúde
subscription| Você atingiu o limite de 5 reportagens por mês. Assine para continuar lendo.
footer| Política de Privacidade
footer| Termos de Uso
""",
    ),
    page(
        "portal-poll-table-at-the-end",
        "pt",
        """
T| Pesquisa mostra prefeita à frente na disputa em Maringá
.| A prefeita lidera a disputa pela reeleição em Maringá com 41% das intenções de voto, segundo pesquisa divulgada nesta quinta-feira pelo instituto Paraná Dados.
.| A margem de erro é de três pontos percentuais. Veja o resultado:
.| Silvia Ramos (PSD): 41%
.| Carlos Meireles (PL): 29%
.| Brancos e nulos: 8%
share_prompt| Compartilhe
navigation| Tags
navigation| Eleições
navigation| Maringá
""",
    ),
    page(
        "paper-en-guardian-style",
        "en",
        """
navigation| The Evening Courier
navigation| Print subscriptions
navigation| Search jobs
navigation| World
navigation| Europe
T| Spanish wildfire forces evacuation of 3,000 people near Valencia
.| Firefighters battle blaze fanned by strong winds as temperatures top 40C
byline| Sam Jones in Madrid
byline| Mon 11 Aug 2025 14.20 BST
share_prompt| Share
.| More than 3,000 people have been evacuated from villages near Valencia as firefighters struggle to contain a wildfire fanned by strong winds, regional authorities said.
.| The fire, which broke out on Sunday afternoon, has burned about 2,500 hectares of forest and scrubland.
.| “The next 24 hours are critical,” the regional emergencies chief told reporters on Monday.
navigation| Explore more on these topics
navigation| Spain
navigation| Wildfires
newsletter_prompt| Sign up to our newsletter and get the day's top stories
footer| Most viewed
""".replace("footer| Most viewed", "empty_heading| Most viewed"),
    ),
    page(
        "paper-es-elpais-style",
        "es",
        """
navigation| Diario Peninsular
navigation| Suscríbete
navigation| Internacional
T| Francia aprueba una ley para limitar el uso de móviles en las escuelas
.| La norma prohíbe los teléfonos en primaria y secundaria desde septiembre
byline| Marta Ruiz
byline| París - 03 jun 2025 - 19:12 CEST
share_prompt| Compartir en Whatsapp
share_prompt| Compartir en Facebook
share_prompt| Copiar enlace
.| La Asamblea Nacional francesa aprobó este martes una ley que prohíbe el uso de teléfonos móviles en los colegios e institutos del país a partir del próximo curso.
.| El ministro de Educación defendió que la medida mejorará la concentración de los alumnos.
advert| Publicidad
.| Los sindicatos de profesores celebraron la decisión, aunque pidieron más medios para aplicarla.
teaser| Más información
teaser| Los países europeos que ya prohíben el móvil en clase
comments| Comentarios
footer| Normas
""".replace("navigation| Suscríbete", "subscription| Suscríbete").replace(
            "footer| Normas", "comments| Normas"
        ),
    ),
]

ALL_PAGES = PAGES + SITES


@pytest.mark.parametrize("pg", ALL_PAGES, ids=[p.name for p in ALL_PAGES])
def test_page_removed_lines_and_reasons(pg: Page) -> None:
    cleaned = clean_article(pg.article, OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == pg.removed


@pytest.mark.parametrize("pg", ALL_PAGES, ids=[p.name for p in ALL_PAGES])
def test_page_keeps_article_lines_and_finds_title(pg: Page) -> None:
    cleaned = clean_article(pg.article, OPTIONS)
    assert [text for _, text in cleaned.kept_lines()] == pg.kept
    assert cleaned.title == pg.title
    assert cleaned.title_span is not None and cleaned.at(cleaned.title_span) == pg.title


@pytest.mark.parametrize("pg", ALL_PAGES, ids=[p.name for p in ALL_PAGES])
def test_page_language(pg: Page) -> None:
    cleaned = clean_article(pg.article, OPTIONS)
    assert detect_language(cleaned, OPTIONS) == pg.language


@pytest.mark.parametrize("pg", ALL_PAGES, ids=[p.name for p in ALL_PAGES])
def test_removed_spans_point_at_the_stripped_line(pg: Page) -> None:
    cleaned = clean_article(pg.article, OPTIONS)
    assert cleaned.text == pg.article.text
    for r in cleaned.removed:
        assert cleaned.at(r.span) == r.text


BODY_LINES = [
    "Publicidade de cigarros é proibida no país desde 2000, lembrou o promotor.",
    "— Estamos trabalhando para identificar as vítimas — disse o comandante.",
    "Lula lidera com 45%, segundo pesquisa Reuters/Ipsos.",
    "Compartilhar dados pessoais sem consentimento é crime.",
    "Comentários racistas levaram à demissão do técnico.",
    "Entrar na Justiça é o próximo passo, afirmou a defesa.",
    "Aceitar a proposta seria um erro, disse o sindicato.",
    "Siga o dinheiro, recomendou o procurador.",
    "Leia a íntegra da nota abaixo:",
    "Ninguém se feriu.",
    "Menu degustação custa R$ 300 no restaurante.",
    "Tags de rastreamento foram encontradas no carro.",
    "Newsletter semanal da empresa foi alvo de ataque hacker.",
    "Copyright de obras musicais é tema de projeto no Senado.",
    "Todos os direitos dos trabalhadores serão mantidos, disse o ministro.",
    "Anúncio do governo deve sair na sexta-feira.",
    "Share prices fell 3% on Monday.",
    "Advertisement revenue rose 12% in the quarter.",
    "Publicidad engañosa será sancionada, advirtió el ministro.",
    "Comentarios del ministro generaron polémica en el Congreso.",
    "Por que o dólar subiu tanto em março?",
    "Da Silva foi eleito com 60% dos votos.",
    "De Paris, o presidente enviou uma mensagem de apoio.",
    "Colaborou para o resultado a alta do petróleo.",
    "Publicado em 1990, o livro vendeu 2 milhões de cópias.",
    "Veja a seguir os principais pontos da proposta:",
    "Assista ao depoimento completo na TV Câmara a partir das 20h.",
    "A Reuters procurou a empresa, que não respondeu.",
]


@pytest.mark.parametrize("body_line", BODY_LINES)
def test_article_lines_that_look_like_chrome_survive(body_line: str) -> None:
    text = "\n".join(
        [
            "Menu",
            "Governo anuncia pacote de obras de R$ 20 bilhões",
            "O governo anunciou nesta quarta-feira um pacote de obras de infraestrutura em 14 estados.",
            body_line,
            "O ministro disse que as primeiras licitações saem em junho, e que o cronograma será mantido.",
            "Compartilhe",
        ]
    )
    article = Article(id="t", source=Source(path="t.txt"), text=text, content_hash="t")
    cleaned = clean_article(article, OPTIONS)
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Menu", "navigation"),
        ("Compartilhe", "share_prompt"),
    ]
