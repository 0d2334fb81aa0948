<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>mhero::Connection</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation>O controlador PostgreSQL para Qt (QPSQL) não está instalado.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nome de utilizador ou palavra-passe incorretos.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Esta conta está desativada. Contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; does not exist on the server.</source>
        <translation>A base de dados &quot;%1&quot; não existe no servidor.</translation>
    </message>
    <message>
        <source>The server does not accept this user from this computer. Ask IT to check the server&apos;s access rules.</source>
        <translation>O servidor não aceita este utilizador a partir deste computador. Peça ao departamento de informática que verifique as regras de acesso do servidor.</translation>
    </message>
    <message>
        <source>The database server at %1 did not answer in time.</source>
        <translation>O servidor de base de dados em %1 não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed.</source>
        <translation>A ligação segura (TLS) a %1 falhou.</translation>
    </message>
    <message>
        <source>Cannot reach the database server at %1.</source>
        <translation>Não é possível contactar o servidor de base de dados em %1.</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>Não foi possível ligar à base de dados.</translation>
    </message>
</context>
<context>
    <name>mhero::ConnectionSettings</name>
    <message>
        <source>Invalid connection string.</source>
        <translation>Cadeia de ligação inválida.</translation>
    </message>
    <message>
        <source>Invalid port number.</source>
        <translation>Número de porta inválido.</translation>
    </message>
</context>
<context>
    <name>mhero::DatabaseWorker</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation>O controlador PostgreSQL para Qt (QPSQL) não está instalado.</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Ligação perdida. A restabelecer a ligação…</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1). Retrying in %2 s.</source>
        <translation>Não é possível contactar o servidor (%1). Nova tentativa dentro de %2 s.</translation>
    </message>
</context>
<context>
    <name>mhero::LocalCluster</name>
    <message>
        <source>PostgreSQL server programs (initdb, pg_ctl) were not found.</source>
        <translation>Os programas do servidor PostgreSQL (initdb, pg_ctl) não foram encontrados.</translation>
    </message>
    <message>
        <source>Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) or set MHERO_PG_BINDIR.</source>
        <translation>Instale o PostgreSQL (Debian/Ubuntu: apt-get install postgresql) ou defina MHERO_PG_BINDIR.</translation>
    </message>
    <message>
        <source>Cannot run %1.</source>
        <translation>Não é possível executar %1.</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s.</source>
        <translation>%1 não terminou em %2 s.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 falhou (código de saída %2).</translation>
    </message>
    <message>
        <source>A local database already exists in %1.</source>
        <translation>Já existe uma base de dados local em %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Não é possível criar a pasta %1.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be reached by the user &quot;%2&quot; that PostgreSQL runs as (it refuses to run as root).</source>
        <translation>A pasta %1 não está acessível ao utilizador &quot;%2&quot; com que o PostgreSQL é executado (o PostgreSQL recusa ser executado como root).</translation>
    </message>
    <message>
        <source>Choose a folder outside root&apos;s home, for example with MHERO_LOCAL_DB=/var/lib/mhero/local-db.</source>
        <translation>Escolha uma pasta fora da pasta pessoal do root, por exemplo com MHERO_LOCAL_DB=/var/lib/mhero/local-db.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Não é possível escrever %1.</translation>
    </message>
    <message>
        <source>There is no local database in %1 yet.</source>
        <translation>Ainda não existe uma base de dados local em %1.</translation>
    </message>
    <message>
        <source>Create it with &quot;mhero-admin local init&quot; (scripts/demo does this).</source>
        <translation>Crie-a com &quot;mhero-admin local init&quot; (o scripts/demo faz isto).</translation>
    </message>
    <message>
        <source>The local database server did not start.</source>
        <translation>O servidor de base de dados local não arrancou.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>Não é possível eliminar %1.</translation>
    </message>
    <message>
        <source>Cannot read the local database&apos;s administrator password (%1).</source>
        <translation>Não é possível ler a palavra-passe de administrador da base de dados local (%1).</translation>
    </message>
    <message>
        <source>MHERO_PG_BINDIR (%1) does not contain initdb.</source>
        <translation>MHERO_PG_BINDIR (%1) não contém o initdb.</translation>
    </message>
    <message>
        <source>PostgreSQL cannot run as root, and the system user &quot;%1&quot; does not exist.</source>
        <translation>O PostgreSQL não pode ser executado como root e o utilizador de sistema &quot;%1&quot; não existe.</translation>
    </message>
    <message>
        <source>Install the postgresql package, or set MHERO_PG_RUN_AS to another user.</source>
        <translation>Instale o pacote postgresql ou indique outro utilizador em MHERO_PG_RUN_AS.</translation>
    </message>
    <message>
        <source>Cannot make the user &quot;%2&quot; the owner of %1.</source>
        <translation>Não é possível tornar o utilizador &quot;%2&quot; proprietário de %1.</translation>
    </message>
</context>
<context>
    <name>mhero::Migrator</name>
    <message>
        <source>This database has no mHero schema yet. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation>Esta base de dados ainda não tem o esquema do mHero. Um administrador tem de executar &quot;mhero-admin migrate&quot;.</translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Install the newer mHero release.</source>
        <translation>A base de dados usa a versão %1 do esquema, mas este programa só conhece até à versão %2. Instale a versão mais recente do mHero.</translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Use the newer mhero-admin.</source>
        <translation>A base de dados usa a versão %1 do esquema, mas este programa só conhece até à versão %2. Utilize o mhero-admin mais recente.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) differs from the one applied to this database.</source>
        <translation>A migração %1 (%2) difere da que foi aplicada a esta base de dados.</translation>
    </message>
    <message>
        <source>A shipped migration must never be edited; add a new one instead.</source>
        <translation>Uma migração já distribuída nunca deve ser editada; em vez disso, adicione uma nova.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>A migração %1 (%2) falhou: %3</translation>
    </message>
    <message>
        <source>The database uses schema version %1; this program needs version %2. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation>A base de dados usa a versão %1 do esquema; este programa precisa da versão %2. Um administrador tem de executar &quot;mhero-admin migrate&quot;.</translation>
    </message>
    <message>
        <source>Definition %1 failed: %2</source>
        <translation>A definição %1 falhou: %2</translation>
    </message>
</context>
<context>
    <name>mhero::UserProfile</name>
    <message>
        <source>Administrator and supervisor</source>
        <translation>Administrador e supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Sync service</source>
        <translation>Serviço de sincronização</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not an active mHero user. Ask your administrator.</source>
        <translation>A conta &quot;%1&quot; não é um utilizador ativo do mHero. Contacte o seu administrador.</translation>
    </message>
    <message>
        <source>This account has no access to mHero. Ask your administrator.</source>
        <translation>Esta conta não tem acesso ao mHero. Contacte o seu administrador.</translation>
    </message>
</context>
<context>
    <name>mhero::channels</name>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation>O anexo tem mais de %1 MB.</translation>
    </message>
    <message>
        <source>%1 could not give the attachment: %2</source>
        <translation>%1 não conseguiu fornecer o anexo: %2</translation>
    </message>
</context>
<context>
    <name>mhero::channels::ChannelStore</name>
    <message>
        <source>message %1: control characters or broken characters removed from its text</source>
        <translation>mensagem %1: caracteres de controlo ou caracteres danificados removidos do texto</translation>
    </message>
    <message>
        <source>unusable address &quot;%1&quot;</source>
        <translation>endereço inutilizável &quot;%1&quot;</translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation>mensagem %1: %2</translation>
    </message>
</context>
<context>
    <name>mhero::channels::MediaFetcher</name>
    <message>
        <source>%1 gave no link for the attachment.</source>
        <translation>%1 não forneceu nenhuma ligação para o anexo.</translation>
    </message>
    <message>
        <source>Larger than %1 MB: not kept; open it on the messaging platform.</source>
        <translation>Mais de %1 MB: ficheiro não guardado; abra-o na plataforma de mensagens.</translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxSender</name>
    <message>
        <source>Not sent: this person has opted out (%1).</source>
        <translation>Não enviada: esta pessoa cancelou a subscrição (%1).</translation>
    </message>
    <message>
        <source>Could not check whether an earlier attempt arrived: %1</source>
        <translation>Não foi possível verificar se uma tentativa anterior chegou: %1</translation>
    </message>
    <message>
        <source>The attachment of this message is missing from the database.</source>
        <translation>O anexo desta mensagem não está na base de dados.</translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxStore</name>
    <message>
        <source>The messaging platform accepted the message but will not deliver it.</source>
        <translation>A plataforma de mensagens aceitou a mensagem, mas não a vai entregar.</translation>
    </message>
    <message>
        <source>%1 (%2 may or may not have accepted it)</source>
        <translation>%1 (não se sabe se o %2 a aceitou)</translation>
    </message>
    <message>
        <source>The text no longer follows the template&apos;s wording, so it cannot go as the approved WhatsApp template %1.</source>
        <translation>O texto já não segue a redação do modelo, por isso não pode seguir como o modelo WhatsApp aprovado %1.</translation>
    </message>
    <message>
        <source>It cannot go as the WhatsApp template %1: %2.</source>
        <translation>A mensagem não pode ser enviada como modelo WhatsApp %1: %2.</translation>
    </message>
</context>
<context>
    <name>mhero::fhir</name>
    <message>
        <source>the field &quot;%1&quot; is longer than %2 characters</source>
        <translation>o campo &quot;%1&quot; tem mais de %2 caracteres</translation>
    </message>
    <message>
        <source>%1 has no valid id</source>
        <translation>%1 não tem um identificador válido</translation>
    </message>
    <message>
        <source>a given name is longer than %1 characters</source>
        <translation>um nome próprio tem mais de %1 caracteres</translation>
    </message>
    <message>
        <source>Unnamed %1 %2</source>
        <translation>%1 sem nome %2</translation>
    </message>
    <message>
        <source>a DELETE entry has no usable request.url</source>
        <translation>uma entrada DELETE não tem um request.url utilizável</translation>
    </message>
    <message>
        <source>an entry has no resource</source>
        <translation>uma entrada não tem recurso</translation>
    </message>
    <message>
        <source>The server sent a page larger than %1 MB.</source>
        <translation>O servidor enviou uma página com mais de %1 MB.</translation>
    </message>
    <message>
        <source>The server sent a page that is not valid JSON.</source>
        <translation>O servidor enviou uma página que não é JSON válido.</translation>
    </message>
    <message>
        <source>The server sent a page nested deeper than %1 levels.</source>
        <translation>O servidor enviou uma página com mais de %1 níveis de aninhamento.</translation>
    </message>
    <message>
        <source>The server sent a %1 where a Bundle was expected.</source>
        <translation>O servidor enviou um %1 onde se esperava um Bundle.</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>The page&apos;s next link is not an absolute URL.</source>
        <translation>A ligação para a página seguinte não é um URL absoluto.</translation>
    </message>
    <message>
        <source>The Bundle is malformed: %1.</source>
        <translation>O Bundle está malformado: %1.</translation>
    </message>
    <message>
        <source>The Bundle&apos;s entries are not a list.</source>
        <translation>As entradas do Bundle não são uma lista.</translation>
    </message>
    <message>
        <source>entry %1 skipped: %2</source>
        <translation>entrada %1 ignorada: %2</translation>
    </message>
    <message>
        <source>%1/%2 lists %3 more phone numbers than the %4 kept; the rest were ignored</source>
        <translation>%1/%2 indica mais %3 números de telefone além dos %4 guardados; os restantes foram ignorados</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation>O ficheiro tem mais de %1 MB.</translation>
    </message>
    <message>
        <source>The file is not valid JSON.</source>
        <translation>O ficheiro não é JSON válido.</translation>
    </message>
    <message>
        <source>The file is nested deeper than %1 levels.</source>
        <translation>O ficheiro tem mais de %1 níveis de aninhamento.</translation>
    </message>
    <message>
        <source>The file holds a %1, not a FHIR Bundle.</source>
        <translation>O ficheiro contém um %1 e não um Bundle FHIR.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows.</source>
        <translation>&quot;%1&quot; não é um código de país conhecido pela libphonenumber.</translation>
    </message>
    <message>
        <source>The file holds no entries; nothing was imported.</source>
        <translation>O ficheiro não contém nenhuma entrada; nada foi importado.</translation>
    </message>
    <message>
        <source>The file holds %1 entries, and none of them could be used; nothing was imported.</source>
        <translation>O ficheiro contém %1 entradas e nenhuma pôde ser utilizada; nada foi importado.</translation>
    </message>
    <message>
        <source>The source &quot;%1&quot; is a live %2 source; import files under another name.</source>
        <translation>A fonte &quot;%1&quot; é uma fonte %2 em linha; importe ficheiros com outro nome.</translation>
    </message>
    <message>
        <source>This authentication method needs a secret.</source>
        <translation>Este método de autenticação precisa de um segredo.</translation>
    </message>
    <message>
        <source>There is no FHIR source named &quot;%1&quot;.</source>
        <translation>Não existe nenhuma fonte FHIR chamada &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirClient</name>
    <message>
        <source>The server sent a link to another server; it is not followed.</source>
        <translation>O servidor enviou uma ligação para outro servidor; não é seguida.</translation>
    </message>
    <message>
        <source>The server sent more than %1 MB for one page.</source>
        <translation>O servidor enviou mais de %1 MB para uma página.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The FHIR server refused the credentials (HTTP %1).</source>
        <translation>O servidor FHIR recusou as credenciais (HTTP %1).</translation>
    </message>
    <message>
        <source>The FHIR server answered HTTP %1.</source>
        <translation>O servidor FHIR respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>The FHIR server could not be reached: %1.</source>
        <translation>Não foi possível contactar o servidor FHIR: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Desistiu após %n tentativa.</numerusform>
            <numerusform>Desistiu após %n tentativas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The credentials were entered for %1; they are not sent to %2.</source>
        <translation>As credenciais foram introduzidas para %1; não são enviadas para %2.</translation>
    </message>
    <message>
        <source>The FHIR server redirected to %1; the redirect is not followed (credentials go only to the server they were entered for).</source>
        <translation>O servidor FHIR redirecionou para %1; o redirecionamento não é seguido (as credenciais só são enviadas para o servidor para o qual foram introduzidas).</translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirSync</name>
    <message>
        <source>The sync of %1 stopped after %2 pages, the most one run may read (max_pages_per_run of the source); the next run continues from there.</source>
        <translation>A sincronização de %1 parou após %2 páginas, o máximo que uma execução pode ler (max_pages_per_run da fonte); a próxima execução continua a partir daí.</translation>
    </message>
    <message>
        <source>%1 does not offer %2/_history, so deleted %2 resources are not detected: %3</source>
        <translation>%1 não oferece %2/_history, pelo que os recursos %2 eliminados não são detetados: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 sent a next link back to a page already read; the sync stopped so that it cannot loop. The FHIR server (or a proxy in front of it) needs attention.</source>
        <translation>%1 enviou uma ligação para a página seguinte que aponta para uma página já lida; a sincronização parou para não entrar em ciclo. O servidor FHIR (ou um proxy à frente dele) precisa de ser verificado.</translation>
    </message>
</context>
<context>
    <name>mhero::messaging</name>
    <message>
        <source>%1 has this conversation.</source>
        <translation>Esta conversa está atribuída a %1.</translation>
    </message>
    <message>
        <source>This person has opted out of messages; nothing can be sent to them.</source>
        <translation>Esta pessoa cancelou a subscrição das mensagens; não lhe pode ser enviado nada.</translation>
    </message>
    <message>
        <source>This deployment sends approved templates only: choose a template (Ctrl+T).</source>
        <translation>Esta instalação só envia modelos aprovados: escolha um modelo (Ctrl+T).</translation>
    </message>
    <message>
        <source>This person has a newer open conversation; continue there.</source>
        <translation>Esta pessoa tem uma conversa aberta mais recente; continue nessa conversa.</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>Esta conversa já não existe.</translation>
    </message>
    <message>
        <source>The server did not answer the claim.</source>
        <translation>O servidor não respondeu ao pedido para assumir a conversa.</translation>
    </message>
    <message>
        <source>This person has no valid phone number to write to; correct it in the registry.</source>
        <translation>Esta pessoa não tem um número de telefone válido; corrija-o no registo.</translation>
    </message>
    <message>
        <source>No messaging channel is set up (or several are): ask IT to connect one RapidPro workspace.</source>
        <translation>Não há canal de mensagens configurado (ou há vários): peça à informática que ligue um espaço RapidPro.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>A nota está vazia.</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters; this one has %2.</source>
        <translation>Uma nota tem no máximo %1 caracteres; esta tem %2.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author can delete it.</source>
        <translation>Só o autor da nota a pode apagar.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author can change it.</source>
        <translation>Só o autor da nota a pode alterar.</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Não existe nenhuma fonte chamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This channel cannot send this kind of file: %1</source>
        <translation>Este canal não pode enviar este tipo de ficheiro: %1</translation>
    </message>
    <message>
        <source>The file is too large for this channel (at most %1 MB).</source>
        <translation>O ficheiro é demasiado grande para este canal (no máximo %1 MB).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>O ficheiro está vazio.</translation>
    </message>
    <message>
        <source>No SMS channel is set up: ask IT to connect a RapidPro workspace.</source>
        <translation>Não há canal SMS configurado: peça à informática que ligue um espaço RapidPro.</translation>
    </message>
    <message>
        <source>This conversation is not with a WhatsApp number.</source>
        <translation>Esta conversa não é com um número WhatsApp.</translation>
    </message>
    <message>
        <source>This conversation does not exist.</source>
        <translation>Esta conversa não existe.</translation>
    </message>
</context>
<context>
    <name>mhero::messaging::MediaRules</name>
    <message>
        <source>This channel cannot send attachments.</source>
        <translation>Este canal não pode enviar anexos.</translation>
    </message>
    <message>
        <source>%1 cannot send this kind of file (%2). It can send: %3.</source>
        <translation>%1 não pode enviar este tipo de ficheiro (%2). Pode enviar: %3.</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>tipo desconhecido</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>O ficheiro está vazio.</translation>
    </message>
    <message>
        <source>The file is %1; %2 sends at most %3.</source>
        <translation>O ficheiro tem %1; %2 envia no máximo %3.</translation>
    </message>
</context>
<context>
    <name>mhero::meta</name>
    <message>
        <source>a template update mHero cannot read (%1, %2, %3)</source>
        <translation>uma atualização de modelo que o mHero não consegue ler (%1, %2, %3)</translation>
    </message>
    <message>
        <source>Source %1 does not take webhooks.</source>
        <translation>A fonte %1 não aceita webhooks.</translation>
    </message>
    <message>
        <source>%1 needs three secrets: the access token, the app secret and the webhook verify token, one per line.</source>
        <translation>%1 precisa de três segredos: o token de acesso, o segredo da aplicação e o token de verificação do webhook, um por linha.</translation>
    </message>
    <message>
        <source>The phone number id and the WhatsApp Business Account id are numbers, as Meta&apos;s WhatsApp Manager shows them.</source>
        <translation>O identificador do número de telefone e o identificador da conta WhatsApp Business são números, tal como o WhatsApp Manager da Meta os mostra.</translation>
    </message>
    <message>
        <source>The Page id is a number, as the Page&apos;s settings show it.</source>
        <translation>O identificador da Página é um número, tal como aparece nas definições da Página.</translation>
    </message>
    <message>
        <source>There is no WhatsApp or Messenger source named &quot;%1&quot;.</source>
        <translation>Não existe nenhuma fonte WhatsApp ou Messenger chamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The webhook body is not JSON.</source>
        <translation>O corpo do webhook não é JSON.</translation>
    </message>
    <message>
        <source>The webhook body is not a JSON object.</source>
        <translation>O corpo do webhook não é um objeto JSON.</translation>
    </message>
    <message>
        <source>The webhook is not for this kind of channel (object &quot;%1&quot;, expected &quot;%2&quot;).</source>
        <translation>O webhook não se destina a este tipo de canal (objeto &quot;%1&quot;, esperado &quot;%2&quot;).</translation>
    </message>
    <message>
        <source>The webhook has no list of entries.</source>
        <translation>O webhook não tem lista de entradas.</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>a message without a usable id</source>
        <translation>uma mensagem sem identificador utilizável</translation>
    </message>
    <message>
        <source>message %1 has no usable timestamp</source>
        <translation>a mensagem %1 não tem um carimbo de data/hora utilizável</translation>
    </message>
    <message>
        <source>message %1: a %2 without a media id</source>
        <translation>mensagem %1: tipo %2 sem identificador de multimédia</translation>
    </message>
    <message>
        <source>a status without a usable message id</source>
        <translation>um estado sem identificador de mensagem utilizável</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; of %2 is not one mHero follows</source>
        <translation>o estado &quot;%1&quot; de %2 não é acompanhado pelo mHero</translation>
    </message>
    <message>
        <source>entry %1, change %2</source>
        <translation>entrada %1, alteração %2</translation>
    </message>
    <message>
        <source>a template update without name, language or event</source>
        <translation>uma atualização de modelo sem nome, idioma ou evento</translation>
    </message>
    <message>
        <source>, message %1: </source>
        <translation>, mensagem %1: </translation>
    </message>
    <message>
        <source>, status %1: </source>
        <translation>, estado %1: </translation>
    </message>
    <message>
        <source>entry %1, event %2: </source>
        <translation>entrada %1, evento %2: </translation>
    </message>
    <message>
        <source>no usable sender id</source>
        <translation>nenhum identificador de remetente utilizável</translation>
    </message>
    <message>
        <source>a read receipt without a watermark</source>
        <translation>uma confirmação de leitura sem watermark</translation>
    </message>
    <message>
        <source>an event mHero does not store</source>
        <translation>um evento que o mHero não guarda</translation>
    </message>
    <message>
        <source>a message without a usable id or time</source>
        <translation>uma mensagem sem identificador ou hora utilizáveis</translation>
    </message>
    <message>
        <source>messages for WhatsApp number %1, which is no source&apos;s: left out</source>
        <translation>mensagens para o número WhatsApp %1, que não pertence a nenhuma fonte: ignoradas</translation>
    </message>
    <message>
        <source>a template update for WhatsApp Business Account %1, which is no source&apos;s</source>
        <translation>uma atualização de modelo para a conta WhatsApp Business %1, que não pertence a nenhuma fonte</translation>
    </message>
    <message>
        <source>events for Facebook Page %1, which is no source&apos;s: left out</source>
        <translation>eventos para a página do Facebook %1, que não pertence a nenhuma fonte: ignorados</translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the person last wrote: only an approved WhatsApp template can reach them now.</source>
        <translation>Passaram mais de 24 horas desde a última mensagem da pessoa: agora só um modelo WhatsApp aprovado a pode alcançar.</translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages (not on WhatsApp, or an old app): try SMS.</source>
        <translation>Este número não pode receber mensagens WhatsApp (não está no WhatsApp, ou a aplicação é antiga): tente SMS.</translation>
    </message>
    <message>
        <source>Too many messages to this person in a short time; it will be sent again shortly.</source>
        <translation>Demasiadas mensagens para esta pessoa em pouco tempo; será enviada de novo em breve.</translation>
    </message>
    <message>
        <source>WhatsApp&apos;s sending rate for this number was reached; sending resumes shortly.</source>
        <translation>O ritmo de envio do WhatsApp para este número foi atingido; o envio recomeça em breve.</translation>
    </message>
    <message>
        <source>The WhatsApp template takes a different number of values than were given.</source>
        <translation>O modelo WhatsApp espera um número de valores diferente do fornecido.</translation>
    </message>
    <message>
        <source>WhatsApp has no approved template of this name in this language.</source>
        <translation>O WhatsApp não tem nenhum modelo aprovado com este nome nesta língua.</translation>
    </message>
    <message>
        <source>The WhatsApp template is paused (too many people blocked or reported it).</source>
        <translation>O modelo WhatsApp está em pausa (demasiadas pessoas bloquearam-no ou denunciaram-no).</translation>
    </message>
    <message>
        <source>The WhatsApp template is disabled.</source>
        <translation>O modelo WhatsApp está desativado.</translation>
    </message>
    <message>
        <source>A value of the template is missing.</source>
        <translation>Falta um valor do modelo.</translation>
    </message>
    <message>
        <source>WhatsApp refused a value of the message as invalid.</source>
        <translation>O WhatsApp recusou um valor da mensagem por ser inválido.</translation>
    </message>
    <message>
        <source>%1 refused the access token (expired or revoked): IT must enter a new one.</source>
        <translation>%1 recusou o token de acesso (expirado ou revogado): a informática tem de introduzir um novo.</translation>
    </message>
    <message>
        <source>This person is not available on Messenger right now.</source>
        <translation>Esta pessoa não está disponível no Messenger neste momento.</translation>
    </message>
    <message>
        <source>Messenger allows replies only within 24 hours of the person&apos;s last message (7 days for a human agent&apos;s reply).</source>
        <translation>O Messenger só permite respostas até 24 horas após a última mensagem da pessoa (7 dias para a resposta de um agente humano).</translation>
    </message>
    <message>
        <source>Messenger knows no such person for this Page.</source>
        <translation>O Messenger não conhece esta pessoa para esta Página.</translation>
    </message>
    <message>
        <source>%1 may or may not have accepted it (%2).</source>
        <translation>%1 pode ou não tê-la aceitado (%2).</translation>
    </message>
</context>
<context>
    <name>mhero::meta::GraphAdapter</name>
    <message>
        <source>%1 asked to slow down</source>
        <translation>%1 pediu para abrandar</translation>
    </message>
    <message>
        <source>Part of the message was sent; the rest was not (%1). It will be sent again, and the person may see the first part twice.</source>
        <translation>Parte da mensagem foi enviada; o resto não (%1). Será enviada de novo, e a pessoa pode ver a primeira parte duas vezes.</translation>
    </message>
    <message>
        <source>%1 answered without a message id: %2</source>
        <translation>%1 respondeu sem identificador de mensagem: %2</translation>
    </message>
</context>
<context>
    <name>mhero::meta::MessengerAdapter</name>
    <message>
        <source>%1 is not a Messenger address (facebook: and the person&apos;s page-scoped id).</source>
        <translation>%1 não é um endereço Messenger (facebook: e o identificador da pessoa na Página).</translation>
    </message>
    <message>
        <source>Messenger takes at most 2,000 characters in a message.</source>
        <translation>O Messenger aceita no máximo 2000 caracteres por mensagem.</translation>
    </message>
    <message>
        <source>Messenger accepted the file but gave no attachment id.</source>
        <translation>O Messenger aceitou o ficheiro mas não deu identificador de anexo.</translation>
    </message>
    <message>
        <source>Messenger gave no usable link for the attachment.</source>
        <translation>O Messenger não deu nenhuma ligação utilizável para o anexo.</translation>
    </message>
</context>
<context>
    <name>mhero::meta::MetaSync</name>
    <message>
        <source>WhatsApp&apos;s template list could not be read (no &quot;data&quot; list).</source>
        <translation>A lista de modelos do WhatsApp não pôde ser lida (sem lista &quot;data&quot;).</translation>
    </message>
    <message>
        <source>WhatsApp&apos;s template list went on past %1 pages; it was not taken.</source>
        <translation>A lista de modelos do WhatsApp passou de %1 páginas; não foi aceite.</translation>
    </message>
</context>
<context>
    <name>mhero::meta::WhatsAppAdapter</name>
    <message>
        <source>%1 is not a WhatsApp address (whatsapp: and the number&apos;s digits).</source>
        <translation>%1 não é um endereço WhatsApp (whatsapp: e os dígitos do número).</translation>
    </message>
    <message>
        <source>WhatsApp accepted the file but gave no media id.</source>
        <translation>O WhatsApp aceitou o ficheiro mas não deu identificador de media.</translation>
    </message>
    <message>
        <source>WhatsApp gave no usable media id for the attachment.</source>
        <translation>O WhatsApp não deu nenhum identificador de media utilizável para o anexo.</translation>
    </message>
    <message>
        <source>WhatsApp could not give the attachment: %1</source>
        <translation>O WhatsApp não conseguiu fornecer o anexo: %1</translation>
    </message>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation>O anexo tem mais de %1 MB.</translation>
    </message>
    <message>
        <source>WhatsApp pointed the attachment at %1, which is not Meta&apos;s; the access token is not sent there.</source>
        <translation>O WhatsApp apontou o anexo para %1, que não é da Meta; o token de acesso não é enviado para lá.</translation>
    </message>
    <message>
        <source>The attachment WhatsApp gave does not match its checksum; it will be fetched again.</source>
        <translation>O anexo fornecido pelo WhatsApp não corresponde à sua soma de verificação; será obtido de novo.</translation>
    </message>
</context>
<context>
    <name>mhero::net</name>
    <message>
        <source>no answer</source>
        <translation>sem resposta</translation>
    </message>
</context>
<context>
    <name>mhero::net::HttpClient</name>
    <message>
        <source>The access token was entered for %1; it is not sent to %2.</source>
        <translation>O token de acesso foi introduzido para %1; não é enviado para %2.</translation>
    </message>
    <message>
        <source>%1 redirected to %2, another server; the access token is not sent there.</source>
        <translation>%1 redirecionou para %2, outro servidor; o token de acesso não é enviado para lá.</translation>
    </message>
    <message>
        <source>the answer was larger than %1 MB</source>
        <translation>a resposta tinha mais de %1 MB</translation>
    </message>
    <message>
        <source>%1 refused the access token (HTTP %2).</source>
        <translation>%1 recusou o token de acesso (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 respondeu HTTP %2.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2.</source>
        <translation>%1 não pôde ser contactado: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Desistiu após %n tentativa.</numerusform>
            <numerusform>Desistiu após %n tentativas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The attachment is kept at %1, which is neither %2&apos;s server nor https; it is not fetched.</source>
        <translation>O anexo está em %1, que não é o servidor de %2 nem https; não é obtido.</translation>
    </message>
</context>
<context>
    <name>mhero::phone</name>
    <message>
        <source>The number is empty.</source>
        <translation>O número está vazio.</translation>
    </message>
    <message>
        <source>The number contains characters that are not digits or separators.</source>
        <translation>O número contém caracteres que não são algarismos nem separadores.</translation>
    </message>
    <message>
        <source>The number has no country code and the source has no default region.</source>
        <translation>O número não tem indicativo do país e a fonte não tem região predefinida.</translation>
    </message>
    <message>
        <source>The number is not a valid phone number for its country.</source>
        <translation>Não é um número de telefone válido para o seu país.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro</name>
    <message>
        <source>RapidPro sent a reply that is not JSON.</source>
        <translation>O RapidPro enviou uma resposta que não é JSON.</translation>
    </message>
    <message>
        <source>RapidPro sent a reply that is not a JSON object.</source>
        <translation>O RapidPro enviou uma resposta que não é um objeto JSON.</translation>
    </message>
    <message>
        <source>RapidPro sent a page without a results list.</source>
        <translation>O RapidPro enviou uma página sem lista de resultados.</translation>
    </message>
    <message>
        <source>RapidPro sent an unusable next link.</source>
        <translation>O RapidPro enviou uma ligação inutilizável para a página seguinte.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>não é um objeto</translation>
    </message>
    <message>
        <source>result %1: %2</source>
        <translation>resultado %1: %2</translation>
    </message>
    <message>
        <source>a message without uuid or id</source>
        <translation>uma mensagem sem uuid nem id</translation>
    </message>
    <message>
        <source>a message with a malformed uuid</source>
        <translation>uma mensagem com um uuid malformado</translation>
    </message>
    <message>
        <source>message %1 has no direction</source>
        <translation>a mensagem %1 não tem direção</translation>
    </message>
    <message>
        <source>message %1 is longer than %2 characters</source>
        <translation>a mensagem %1 tem mais de %2 caracteres</translation>
    </message>
    <message>
        <source>message %1 has no readable created_on</source>
        <translation>a mensagem %1 não tem um created_on legível</translation>
    </message>
    <message>
        <source>a contact without uuid</source>
        <translation>um contacto sem uuid</translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable message.</source>
        <translation>O RapidPro respondeu com uma mensagem ilegível.</translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable broadcast.</source>
        <translation>O RapidPro respondeu com uma difusão ilegível.</translation>
    </message>
    <message>
        <source>A RapidPro source needs an API token.</source>
        <translation>Uma fonte RapidPro precisa de um token de API.</translation>
    </message>
    <message>
        <source>There is no RapidPro source named &quot;%1&quot;.</source>
        <translation>Não existe nenhuma fonte RapidPro chamada &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProAdapter</name>
    <message>
        <source>RapidPro did not send it: the contact is blocked, stopped or archived there, or has no usable address.</source>
        <translation>O RapidPro não a enviou: o contacto está bloqueado, parado ou arquivado nessa plataforma, ou não tem nenhum endereço utilizável.</translation>
    </message>
    <message>
        <source>RapidPro accepted the message but its answer could not be read.</source>
        <translation>O RapidPro aceitou a mensagem, mas não foi possível ler a sua resposta.</translation>
    </message>
    <message>
        <source>RapidPro refused the API token (HTTP %1); an administrator must update it.</source>
        <translation>O RapidPro recusou o token de API (HTTP %1); um administrador tem de o atualizar.</translation>
    </message>
    <message>
        <source>RapidPro refused the message: %1</source>
        <translation>O RapidPro recusou a mensagem: %1</translation>
    </message>
    <message>
        <source>RapidPro did not answer: %1</source>
        <translation>O RapidPro não respondeu: %1</translation>
    </message>
    <message>
        <source>RapidPro sent a next link back to a page already read; the poll stopped so that it cannot loop. The RapidPro server (or a proxy in front of it) needs attention.</source>
        <translation>O RapidPro enviou uma ligação para a página seguinte que aponta para uma página já lida; a recolha parou para não entrar em ciclo. O servidor RapidPro (ou um proxy à frente dele) precisa de ser verificado.</translation>
    </message>
    <message>
        <source>The poll stopped after %1 pages, the most one run may read (max_pages_per_run of the source); it starts again from the same point next time.</source>
        <translation>A recolha parou após %1 páginas, o máximo que uma execução pode ler (max_pages_per_run da fonte); na próxima vez, recomeça a partir do mesmo ponto.</translation>
    </message>
    <message>
        <source>RapidPro could not deliver it (the channel or the number failed).</source>
        <translation>O RapidPro não conseguiu entregá-la (o canal ou o número falhou).</translation>
    </message>
    <message>
        <source>RapidPro took the attachment but its answer could not be read.</source>
        <translation>O RapidPro aceitou o anexo, mas não foi possível ler a sua resposta.</translation>
    </message>
    <message>
        <source>RapidPro refused the attachment: %1</source>
        <translation>O RapidPro recusou o anexo: %1</translation>
    </message>
    <message>
        <source>RapidPro did not take the attachment: %1</source>
        <translation>O RapidPro não recebeu o anexo: %1</translation>
    </message>
    <message>
        <source>RapidPro gave no usable link for the attachment.</source>
        <translation>O RapidPro não forneceu nenhuma ligação utilizável para o anexo.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProClient</name>
    <message>
        <source>RapidPro sent a link to another server; it is not followed.</source>
        <translation>O RapidPro enviou uma ligação para outro servidor; não é seguida.</translation>
    </message>
</context>
<context>
    <name>mhero::secrets</name>
    <message>
        <source>The secret of source &quot;%1&quot; must be entered again (mhero-admin source secret %1): %2</source>
        <translation>O segredo da fonte &quot;%1&quot; tem de ser introduzido novamente (mhero-admin source secret %1): %2</translation>
    </message>
    <message>
        <source>The sync engine key file %1 can be read by other accounts; make it readable only by the sync engine&apos;s account (chmod 600).</source>
        <translation>O ficheiro de chave do motor de sincronização %1 pode ser lido por outras contas; torne-o legível apenas pela conta do motor de sincronização (chmod 600).</translation>
    </message>
    <message>
        <source>Cannot read the sync engine key file %1.</source>
        <translation>Não é possível ler o ficheiro de chave do motor de sincronização %1.</translation>
    </message>
    <message>
        <source>%1 is not a sync engine key file.</source>
        <translation>%1 não é um ficheiro de chave do motor de sincronização.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Não é possível criar a pasta %1.</translation>
    </message>
    <message>
        <source>Cannot create the sync engine key file %1.</source>
        <translation>Não é possível criar o ficheiro de chave do motor de sincronização %1.</translation>
    </message>
    <message>
        <source>Cannot write the sync engine key file %1.</source>
        <translation>Não é possível escrever o ficheiro de chave do motor de sincronização %1.</translation>
    </message>
    <message>
        <source>The sync engine key published in the database is damaged.</source>
        <translation>A chave do motor de sincronização publicada na base de dados está danificada.</translation>
    </message>
    <message>
        <source>This sync engine&apos;s key (%1, in %2) is not the key published in the database (%3). Copy the key file of the engine that published %3 to %2, or replace the published key with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation>A chave deste motor de sincronização (%1, em %2) não é a chave publicada na base de dados (%3). Copie para %2 o ficheiro de chave do motor que publicou %3 ou substitua a chave publicada com &quot;mhero-server --init-key --replace-key&quot; (todos os segredos das fontes terão então de ser introduzidos novamente).</translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1, but the database expects the key %2. Copy the key file of the engine that published it there (every mhero-server of a deployment shares one key), or replace it with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation>Não existe nenhum ficheiro de chave do motor de sincronização em %1, mas a base de dados espera a chave %2. Copie para lá o ficheiro de chave do motor que a publicou (todos os mhero-server de uma instalação partilham a mesma chave) ou substitua-a com &quot;mhero-server --init-key --replace-key&quot; (todos os segredos das fontes terão então de ser introduzidos novamente).</translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1 and none is published yet: start mhero-server once (or run &quot;mhero-server --init-key&quot;).</source>
        <translation>Não existe nenhum ficheiro de chave do motor de sincronização em %1 e ainda não foi publicada nenhuma chave: inicie o mhero-server uma vez (ou execute &quot;mhero-server --init-key&quot;).</translation>
    </message>
    <message>
        <source>This is not a sealed secret.</source>
        <translation>Isto não é um segredo selado.</translation>
    </message>
    <message>
        <source>The secret cannot be opened with this engine&apos;s key.</source>
        <translation>O segredo não pode ser aberto com a chave deste motor.</translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>O endereço do servidor tem de ser um URL http:// ou https://.</translation>
    </message>
    <message>
        <source>No sync engine key is published yet, so the secret cannot be sealed. Start mhero-server once (or run &quot;mhero-server --init-key&quot;) where the sync engine runs, then try again.</source>
        <translation>Ainda não foi publicada nenhuma chave do motor de sincronização, pelo que o segredo não pode ser selado. Inicie o mhero-server uma vez (ou execute &quot;mhero-server --init-key&quot;) onde o motor de sincronização é executado e tente novamente.</translation>
    </message>
    <message>
        <source>secrets stored before this version of mHero were not sealed.</source>
        <translation>os segredos guardados antes desta versão do mHero não eram selados.</translation>
    </message>
    <message>
        <source>the source&apos;s URL changed after it was entered, so it is not sent anywhere.</source>
        <translation>o URL da fonte mudou depois de o segredo ter sido introduzido, pelo que não é enviado para lado nenhum.</translation>
    </message>
    <message>
        <source>the sync engine&apos;s key was replaced.</source>
        <translation>a chave do motor de sincronização foi substituída.</translation>
    </message>
    <message>
        <source>it is not usable (%1).</source>
        <translation>não é utilizável (%1).</translation>
    </message>
    <message>
        <source>This program has no sync engine key, so it cannot open the secret of source &quot;%1&quot;.</source>
        <translation>Este programa não tem chave do motor de sincronização, pelo que não pode abrir o segredo da fonte &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>it is sealed to another engine key (%1; this engine&apos;s key is %2).</source>
        <translation>está selado para outra chave de motor (%1; a chave deste motor é %2).</translation>
    </message>
    <message>
        <source>its sealed text is not readable by this version.</source>
        <translation>o seu texto selado não é legível por esta versão.</translation>
    </message>
    <message>
        <source>it was entered for another source.</source>
        <translation>foi introduzido para outra fonte.</translation>
    </message>
    <message>
        <source>it was entered for %1, but the source now points to %2; it is not sent there.</source>
        <translation>foi introduzido para %1, mas a fonte aponta agora para %2; não é enviado para lá.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; has no secret: enter it with mhero-admin source secret %1.</source>
        <translation>A fonte &quot;%1&quot; não tem segredo: introduza-o com mhero-admin source secret %1.</translation>
    </message>
</context>
<context>
    <name>mhero::settings</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Definição desconhecida «%1».</translation>
    </message>
    <message>
        <source>Known settings: %1.</source>
        <translation>Definições conhecidas: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation>&quot;%1&quot; não é um código de país conhecido pela libphonenumber (por exemplo LR, SL, GN, ML, KE).</translation>
    </message>
    <message>
        <source>a country code (ISO 3166), e.g. LR</source>
        <translation>um código de país (ISO 3166), p. ex. LR</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>tentativas</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln segundo</numerusform>
            <numerusform>%Ln segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minuto</numerusform>
            <numerusform>%Ln minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln tentativa</numerusform>
            <numerusform>%Ln tentativas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractere</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln byte)</numerusform>
            <numerusform>%1 (%Ln bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>Região telefónica predefinida</translation>
    </message>
    <message>
        <source>The country whose local phone numbers (such as 0770 123 456) are read when a source gives no country code.</source>
        <translation>O país cujos números locais (como 0770 123 456) são lidos quando uma fonte não indica o código do país.</translation>
    </message>
    <message>
        <source>Replies agents may send</source>
        <translation>Respostas que os agentes podem enviar</translation>
    </message>
    <message>
        <source>Whether agents may type replies of their own, or send approved templates only.</source>
        <translation>Se os agentes podem escrever respostas próprias, ou só enviar modelos aprovados.</translation>
    </message>
    <message>
        <source>Sending attempts</source>
        <translation>Tentativas de envio</translation>
    </message>
    <message>
        <source>How many times a message is handed to its channel before it is marked as failed.</source>
        <translation>Quantas vezes uma mensagem é entregue ao seu canal antes de ser marcada como falhada.</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>Primeira nova tentativa após</translation>
    </message>
    <message>
        <source>How long to wait before the second attempt; the wait doubles after each failure.</source>
        <translation>Quanto esperar antes da segunda tentativa; a espera duplica após cada falha.</translation>
    </message>
    <message>
        <source>Check an unanswered send after</source>
        <translation>Verificar um envio sem resposta após</translation>
    </message>
    <message>
        <source>How long to wait before asking the channel whether a message it gave no answer for was received, rather than sending it twice.</source>
        <translation>Quanto esperar antes de perguntar ao canal se uma mensagem sem resposta foi recebida, em vez de a enviar duas vezes.</translation>
    </message>
    <message>
        <source>Sender&apos;s hold on a message</source>
        <translation>Reserva de uma mensagem pelo remetente</translation>
    </message>
    <message>
        <source>How long a sender keeps a message it took from the outbox before another sender may take it over (when the first stopped half-way).</source>
        <translation>Quanto tempo um remetente guarda uma mensagem tirada da caixa de saída antes que outro a possa retomar (se o primeiro parou a meio).</translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation>Espera máxima entre tentativas</translation>
    </message>
    <message>
        <source>The doubling wait between two attempts never grows beyond this.</source>
        <translation>A espera, que duplica entre duas tentativas, nunca passa deste valor.</translation>
    </message>
    <message>
        <source>Directory sync interval</source>
        <translation>Intervalo de sincronização do diretório</translation>
    </message>
    <message>
        <source>How often the sync engine reads each directory source for changes.</source>
        <translation>Com que frequência o motor de sincronização lê cada fonte do diretório.</translation>
    </message>
    <message>
        <source>Longest template text</source>
        <translation>Texto de modelo mais longo</translation>
    </message>
    <message>
        <source>The most characters a template may have in any one language.</source>
        <translation>O número máximo de caracteres de um modelo, em cada língua.</translation>
    </message>
    <message>
        <source>Largest attachment kept</source>
        <translation>Maior anexo guardado</translation>
    </message>
    <message>
        <source>Inbound attachments larger than this are not downloaded; agents see them listed as too large.</source>
        <translation>Os anexos recebidos maiores do que isto não são descarregados; os agentes veem-nos indicados como demasiado grandes.</translation>
    </message>
    <message>
        <source>Attachment download attempts</source>
        <translation>Tentativas de descarga de anexos</translation>
    </message>
    <message>
        <source>How many times the sync engine tries to fetch an inbound attachment before it is marked as failed.</source>
        <translation>Quantas vezes o motor de sincronização tenta obter um anexo recebido antes de o marcar como falhado.</translation>
    </message>
    <message>
        <source>Approved templates only</source>
        <translation>Apenas modelos aprovados</translation>
    </message>
    <message>
        <source>Approved templates and free text</source>
        <translation>Modelos aprovados e texto livre</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a range and its unit: 1–100 attempts</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>mhero::sourceadmin</name>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Não existe nenhuma fonte chamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the URL changed</source>
        <translation>o URL mudou</translation>
    </message>
    <message>
        <source>stored before secrets were sealed</source>
        <translation>guardado antes de os segredos serem selados</translation>
    </message>
    <message>
        <source>the engine key was replaced</source>
        <translation>a chave do motor foi substituída</translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>O endereço do servidor tem de ser um URL http:// ou https://.</translation>
    </message>
</context>
<context>
    <name>mhero::sources</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>O endereço do servidor tem de ser um URL http:// ou https://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation>&quot;%1&quot; não é um código de país conhecido pela libphonenumber (por exemplo LR, SL, GN, ML, KE).</translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists.</source>
        <translation>Já existe uma fonte chamada &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mhero::sql</name>
    <message>
        <source>Not connected to PostgreSQL.</source>
        <translation>Sem ligação ao PostgreSQL.</translation>
    </message>
    <message>
        <source>The query returned no rows.</source>
        <translation>A consulta não devolveu nenhuma linha.</translation>
    </message>
</context>
<context>
    <name>mhero::suggest</name>
    <message>
        <source>The library is not valid JSON: %1</source>
        <translation>A biblioteca não é JSON válido: %1</translation>
    </message>
    <message>
        <source>The library is not an mhero-templates export (&quot;format&quot;: &quot;mhero-templates&quot; and a &quot;templates&quot; list).</source>
        <translation>A biblioteca não é uma exportação mhero-templates (&quot;format&quot;: &quot;mhero-templates&quot; e uma lista &quot;templates&quot;).</translation>
    </message>
    <message>
        <source>Template %1 of the library has no name or no body.</source>
        <translation>O modelo %1 da biblioteca não tem nome ou não tem texto.</translation>
    </message>
    <message>
        <source>Line %1 of the questions has no tab between the question and the expected template.</source>
        <translation>A linha %1 das perguntas não tem tabulação entre a pergunta e o modelo esperado.</translation>
    </message>
    <message>
        <source>Line %1 of the questions expects &quot;%2&quot;, which the library does not have.</source>
        <translation>A linha %1 das perguntas espera «%2», que a biblioteca não tem.</translation>
    </message>
</context>
<context>
    <name>mhero::suggest::Lexicon</name>
    <message>
        <source>%1, line %2: expected a meaning name (lower-case letters, digits, _), a tab, then variants separated by |</source>
        <translation>%1, linha %2: esperava-se um nome de significado (minúsculas, algarismos, _), uma tabulação e depois variantes separadas por |</translation>
    </message>
</context>
<context>
    <name>mhero::templates</name>
    <message>
        <source>Clinical guidance</source>
        <translation>Orientação clínica</translation>
    </message>
    <message>
        <source>HR / payroll</source>
        <translation>RH / salários</translation>
    </message>
    <message>
        <source>Outbreak alert</source>
        <translation>Alerta de surto</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formação</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Rascunho</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>A aguardar aprovação</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprovada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeitada</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>No version</source>
        <translation>Sem versão</translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation>Este modelo já não existe.</translation>
    </message>
    <message>
        <source>Template %1 (&quot;%2&quot;): %3</source>
        <translation>Modelo %1 (&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation>O ficheiro não é JSON válido: %1</translation>
    </message>
    <message>
        <source>The file is not an mHero template export.</source>
        <translation>O ficheiro não é uma exportação de modelos do mHero.</translation>
    </message>
    <message>
        <source>The file comes from a newer mHero version.</source>
        <translation>O ficheiro provém de uma versão mais recente do mHero.</translation>
    </message>
    <message>
        <source>The placeholder {{%1}} is neither built in nor declared by this template version.</source>
        <translation>O marcador {{%1}} não é predefinido nem está declarado nesta versão do modelo.</translation>
    </message>
    <message>
        <source>A placeholder has no name: write a name between the braces, like {{given_name}}.</source>
        <translation>Um marcador não tem nome: escreva um nome entre as chavetas, como {{given_name}}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid placeholder name: use lower-case letters, digits and &quot;_&quot;, starting with a letter, at most %2 characters.</source>
        <translation>&quot;%1&quot; não é um nome de marcador válido: use letras minúsculas, algarismos e &quot;_&quot;, a começar por uma letra, com no máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>This &quot;{{&quot; is not closed by &quot;}}&quot; before the next &quot;{{&quot; or the end of the text.</source>
        <translation>Este &quot;{{&quot; não é fechado por &quot;}}&quot; antes do &quot;{{&quot; seguinte ou do fim do texto.</translation>
    </message>
    <message>
        <source>This &quot;}}&quot; has no &quot;{{&quot; before it.</source>
        <translation>Este &quot;}}&quot; não tem nenhum &quot;{{&quot; antes.</translation>
    </message>
    <message>
        <source>A placeholder takes exactly two braces on each side, like {{given_name}}.</source>
        <translation>Um marcador leva exatamente duas chavetas de cada lado, como {{given_name}}.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>O texto está vazio.</translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation>O texto tem %1 caracteres; o limite é %2.</translation>
    </message>
</context>
<context>
    <name>mhero::ui</name>
    <message>
        <source>now</source>
        <translation>agora</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ontem</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>menos de um minuto</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>mhero::ui::AboutDialog</name>
    <message>
        <source>About mHero Console</source>
        <translation>Acerca do mHero Console</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este computador</translation>
    </message>
    <message>
        <source>&lt;h2&gt;mHero Console&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Connects the national health-workforce registry with the messaging platforms health workers use, so the call center can answer every health worker with approved messages.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Signed in as:&lt;/td&gt;&lt;td&gt;%2 (%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Database:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;PostgreSQL:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schema version:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%7 on %8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;mHero Console&lt;/h2&gt;&lt;p&gt;Versão %1&lt;/p&gt;&lt;p&gt;Liga o registo nacional de recursos humanos da saúde às plataformas de mensagens que os profissionais de saúde utilizam, para que o centro de atendimento possa responder a cada profissional de saúde com mensagens aprovadas.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Sessão iniciada como:&lt;/td&gt;&lt;td&gt;%2 (%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Base de dados:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;PostgreSQL:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Versão do esquema:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%7 em %8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Aprovações</translation>
    </message>
    <message>
        <source>Submitted template versions, oldest first. ↑/↓ move · Ctrl+Enter approves · type a reason and press Enter to reject.</source>
        <translation>Versões de modelos submetidas, das mais antigas para as mais recentes. ↑/↓ para navegar · Ctrl+Enter aprova · escreva um motivo e prima Enter para rejeitar.</translation>
    </message>
    <message>
        <source>Reason for rejecting (required to reject)</source>
        <translation>Motivo da rejeição (obrigatório para rejeitar)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeitar</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>Não foi possível carregar a fila: %1</translation>
    </message>
    <message>
        <source>%1 · v%2
by %3 · %4</source>
        <translation>%1 · v%2
por %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) waiting</source>
        <translation>
            <numerusform>%n versão em espera</numerusform>
            <numerusform>%n versões em espera</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to approve.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nada para aprovar.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · version %3 · written by %4, last edited by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · versão %3 · escrita por %4, editada pela última vez por %5</translation>
    </message>
    <message>
        <source>Placeholders the agent fills in: %1</source>
        <translation>Marcadores preenchidos pelo agente: %1</translation>
    </message>
    <message>
        <source>You wrote or edited this version: another supervisor must decide on it.</source>
        <translation>Escreveu ou editou esta versão: tem de ser outro supervisor a decidir sobre ela.</translation>
    </message>
    <message>
        <source>In use: version %1</source>
        <translation>Em uso: versão %1</translation>
    </message>
    <message>
        <source>Submitted: version %1</source>
        <translation>Submetida: versão %1</translation>
    </message>
    <message>
        <source>A first version: nothing is in use yet.</source>
        <translation>Primeira versão: ainda não há nada em uso.</translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation>Escreva o motivo da rejeição e prima Enter.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Recusado: %1</translation>
    </message>
    <message>
        <source>Approved &quot;%1&quot;.</source>
        <translation>Modelo &quot;%1&quot; aprovado.</translation>
    </message>
    <message>
        <source>Rejected &quot;%1&quot;.</source>
        <translation>Modelo &quot;%1&quot; rejeitado.</translation>
    </message>
    <message>
        <source>Approve…  (Ctrl+Enter)</source>
        <translation>Aprovar…  (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApproveDialog</name>
    <message>
        <source>Approve this version?</source>
        <translation>Aprovar esta versão?</translation>
    </message>
    <message numerus="yes">
        <source>Approve &lt;b&gt;%1&lt;/b&gt;, version %2, in %n language(s): %3?</source>
        <translation>
            <numerusform>Aprovar &lt;b&gt;%1&lt;/b&gt;, versão %2, em %n língua: %3?</numerusform>
            <numerusform>Aprovar &lt;b&gt;%1&lt;/b&gt;, versão %2, em %n línguas: %3?</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents will send this wording from now on, instead of version %1.</source>
        <translation>Os agentes passam a enviar este texto, em vez da versão %1.</translation>
    </message>
    <message>
        <source>Agents will be able to send this wording from now on.</source>
        <translation>Os agentes passam a poder enviar este texto.</translation>
    </message>
    <message>
        <source>%1 changed, while %2 stayed word for word as in version %3. Check that every language still says the same thing before approving.</source>
        <translation>%1 mudou, enquanto %2 ficou palavra por palavra como na versão %3. Verifique que todas as línguas continuam a dizer o mesmo antes de aprovar.</translation>
    </message>
    <message>
        <source>unchanged since version %1</source>
        <translation>sem alterações desde a versão %1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>alterado</translation>
    </message>
    <message>
        <source>new</source>
        <translation>novo</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprovar</translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogModel</name>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Alterações</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Definição</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Versão de modelo</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texto de modelo</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Alterado</translation>
    </message>
    <message>
        <source>Credentials changed</source>
        <translation>Credenciais alteradas</translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Registo de auditoria</translation>
    </message>
    <message>
        <source>Every change to users, settings, sources, templates and assignments, recorded by the database itself. Nobody can edit or delete it.</source>
        <translation>Todas as alterações a utilizadores, definições, fontes, modelos e atribuições, registadas pela própria base de dados. Ninguém pode editar nem eliminar este registo.</translation>
    </message>
    <message>
        <source>Search by person, record or action…</source>
        <translation>Pesquisar por pessoa, registo ou ação…</translation>
    </message>
    <message>
        <source>Select an entry to see the record before and after the change.</source>
        <translation>Selecione uma entrada para ver o registo antes e depois da alteração.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>A carregar…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>%n entrada mostrada</numerusform>
            <numerusform>%n entradas mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — desloque para ver mais</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Não foi possível carregar o registo de auditoria: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Antes:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Depois:</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ComposerWidget</name>
    <message>
        <source>Stop using this template</source>
        <translation>Deixar de usar este modelo</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Escreva uma resposta…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Modelo…</translation>
    </message>
    <message>
        <source>Choose an approved template (Ctrl+T)</source>
        <translation>Escolher um modelo aprovado (Ctrl+T)</translation>
    </message>
    <message>
        <source>Approved template</source>
        <translation>Modelo aprovado</translation>
    </message>
    <message>
        <source>Fill in the highlighted parts before sending: %1.</source>
        <translation>Preencha as partes realçadas antes de enviar: %1.</translation>
    </message>
    <message>
        <source>This deployment sends approved templates only — type / or press Ctrl+T to choose one. Notes for colleagues go under Notes, beside the thread.</source>
        <translation>Esta instalação só envia modelos aprovados — escreva / ou prima Ctrl+T para escolher um. As notas para colegas vão em Notas, ao lado da conversa.</translation>
    </message>
    <message>
        <source>Do not send this file</source>
        <translation>Não enviar este ficheiro</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anexar…</translation>
    </message>
    <message>
        <source>Send a picture, a voice note or a PDF with the reply (or drop or paste it here)</source>
        <translation>Enviar uma imagem, uma mensagem de voz ou um PDF com a resposta (ou arrastar ou colar aqui)</translation>
    </message>
    <message>
        <source>The pasted picture could not be read.</source>
        <translation>Não foi possível ler a imagem colada.</translation>
    </message>
    <message>
        <source>pasted-picture.png</source>
        <translation>imagem-colada.png</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Não é possível ler %1.</translation>
    </message>
    <message>
        <source>%1 is %2; %3 sends at most %4.</source>
        <translation>%1 tem %2; %3 envia no máximo %4.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1-day</source>
        <translation>%1 dias</translation>
    </message>
    <message>
        <source>%1-hour</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template</source>
        <translation>Escolher um modelo WhatsApp aprovado</translation>
    </message>
    <message>
        <source>%1 refused the last reply: the %2 window has closed. Only approved %1 templates can be sent.</source>
        <translation>%1 recusou a última resposta: a janela de resposta de %2 fechou. Só podem ser enviados modelos %1 aprovados.</translation>
    </message>
    <message>
        <source>Replies free for %1</source>
        <translation>Respostas livres possíveis durante %1</translation>
    </message>
    <message>
        <source>Human agent reply — allowed until %1</source>
        <translation>Resposta de agente humano — permitida até %1</translation>
    </message>
    <message>
        <source>The %1 window has closed: only approved %2 templates can be sent</source>
        <translation>A janela de resposta de %1 fechou: só podem ser enviados modelos %2 aprovados</translation>
    </message>
    <message>
        <source>The person has not written on %1 yet: only approved %1 templates can be sent</source>
        <translation>A pessoa ainda não escreveu no %1: só podem ser enviados modelos %1 aprovados</translation>
    </message>
    <message>
        <source>%1 allows replies only within %2 days of the person&apos;s last message: nothing can be sent until they write again.</source>
        <translation>%1 só permite respostas nos %2 dias seguintes à última mensagem da pessoa: não é possível enviar nada até que ela volte a escrever.</translation>
    </message>
    <message>
        <source>Outside the reply window only an approved template&apos;s words can be sent, without a file.</source>
        <translation>Fora da janela de resposta, só pode ser enviado o texto de um modelo aprovado, sem ficheiro.</translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template (Ctrl+T)</source>
        <translation>Escolher um modelo WhatsApp aprovado (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ConversationListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Unknown contact — %1</source>
        <translation>Contacto desconhecido — %1</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Messenger</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Through %1</source>
        <translation>Através de %1</translation>
    </message>
    <message>
        <source>Unknown contact %1</source>
        <translation>Contacto desconhecido %1</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>através de %1</translation>
    </message>
    <message>
        <source>%1 unread</source>
        <translation>%1 por ler</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sem atribuição</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>atribuída a %1</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ConversationsPage</name>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (desconhecido)</translation>
    </message>
    <message>
        <source>↩ %1</source>
        <translation>↩ %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sem atribuição</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Atribuída a %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Nothing assigned to you.</source>
        <translation>Nada atribuído a si.</translation>
    </message>
    <message>
        <source>No conversations here.</source>
        <translation>Não há conversas aqui.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.</source>
        <translation>Escolha uma conversa à esquerda.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Assumir</translation>
    </message>
    <message>
        <source>Take this conversation: it moves to your queue.</source>
        <translation>Assumir esta conversa: passa para a sua fila.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libertar</translation>
    </message>
    <message>
        <source>Hand the conversation back to the unassigned queue.</source>
        <translation>Devolver a conversa à fila das conversas sem atribuição.</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Atribuir a…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Released to the queue.</source>
        <translation>Devolvida à fila.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Resolvida.</translation>
    </message>
    <message>
        <source>Reopened; it is yours.</source>
        <translation>Reaberta; está atribuída a si.</translation>
    </message>
    <message>
        <source>CONTACT</source>
        <translation>CONTACTO</translation>
    </message>
    <message>
        <source>Link to a health worker…</source>
        <translation>Associar a um profissional de saúde…</translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation>Contacto desconhecido</translation>
    </message>
    <message>
        <source>reply window open until %1</source>
        <translation>janela de resposta aberta até %1</translation>
    </message>
    <message>
        <source>reply window closed: templates only</source>
        <translation>janela de resposta fechada: apenas modelos</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolvida</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Atribuída a si</translation>
    </message>
    <message>
        <source>This person has opted out of messages (%1); nothing can be sent to them.</source>
        <translation>Esta pessoa cancelou a subscrição das mensagens (%1); não lhe pode ser enviado nada.</translation>
    </message>
    <message>
        <source>This conversation is resolved. Reopen it to reply.</source>
        <translation>Esta conversa está resolvida. Reabra-a para responder.</translation>
    </message>
    <message>
        <source>%1 has this conversation.</source>
        <translation>Esta conversa está atribuída a %1.</translation>
    </message>
    <message>
        <source>Unknown contact (%1)</source>
        <translation>Contacto desconhecido (%1)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>This number is not in the directory. Link it to the health worker who writes from it, so their record and history follow the conversation.</source>
        <translation>Este número não está no diretório. Associe-o ao profissional de saúde que escreve a partir dele, para que a sua ficha e o seu histórico acompanhem a conversa.</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inativo)</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>Quadro</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Unidade de saúde</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefones</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Opted out (%1)</source>
        <translation>Cancelou a subscrição (%1)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Minhas</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Todas as abertas</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolvidas</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nova mensagem de %1</translation>
    </message>
    <message>
        <source>%1 already has this conversation.</source>
        <translation>Esta conversa já está atribuída a %1.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Atribuída a %1.</translation>
    </message>
    <message>
        <source>Sending again.</source>
        <translation>A enviar novamente.</translation>
    </message>
    <message>
        <source>Linked to the directory.</source>
        <translation>Associado ao diretório.</translation>
    </message>
    <message>
        <source>This conversation is not visible to you (it may belong to another team).</source>
        <translation>Esta conversa não lhe está visível (pode pertencer a outra equipa).</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Anexar um ficheiro</translation>
    </message>
    <message>
        <source>Pictures, audio, video and PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus *.mp4 *.pdf)</source>
        <translation>Imagens, áudio, vídeo e PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus *.mp4 *.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages</source>
        <translation>Este número não pode receber mensagens WhatsApp</translation>
    </message>
    <message>
        <source>Write by SMS</source>
        <translation>Escrever por SMS</translation>
    </message>
    <message>
        <source>Open a conversation with the same number by SMS</source>
        <translation>Abrir uma conversa por SMS com o mesmo número</translation>
    </message>
    <message>
        <source>They wrote again: lift the opt-out</source>
        <translation>A pessoa voltou a escrever: levantar o cancelamento</translation>
    </message>
    <message>
        <source>Only when the person asked, in their own words after opting out, to receive messages again. Recorded in the audit log.</source>
        <translation>Apenas quando a pessoa pediu, por palavras suas depois de cancelar a subscrição, para voltar a receber mensagens. Fica registado no registo de auditoria.</translation>
    </message>
    <message>
        <source>The opt-out is lifted: messages can be sent to this person again.</source>
        <translation>O cancelamento foi levantado: já é possível voltar a enviar mensagens a esta pessoa.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inativo)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Doente</translation>
    </message>
    <message>
        <source>This number is not valid; the registry should correct it.</source>
        <translation>Este número não é válido; o registo deve corrigi-lo.</translation>
    </message>
    <message>
        <source>Similar spelling</source>
        <translation>Grafia semelhante</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>Quadro</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Unidade de saúde</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryPage</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>há %n minuto</numerusform>
            <numerusform>há %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>há %n hora</numerusform>
            <numerusform>há %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Diretório</translation>
    </message>
    <message>
        <source>Name, phone number (any format), identifier or facility…</source>
        <translation>Nome, número de telefone (qualquer formato), identificador ou unidade…</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Todos os distritos</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todas as unidades</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>Todos os quadros</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativos</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativos</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Ativos e inativos</translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation>Profissionais de saúde</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Doentes</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Select a person to see their phones, roles and conversations.</source>
        <translation>Selecione uma pessoa para ver os seus telefones, funções e conversas.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>A pesquisar…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>A pesquisa falhou: %1</translation>
    </message>
    <message>
        <source>Filters unavailable: %1</source>
        <translation>Filtros indisponíveis: %1</translation>
    </message>
    <message>
        <source>No registry is connected yet.</source>
        <translation>Ainda não há nenhum registo ligado.</translation>
    </message>
    <message>
        <source>%1 · last synced %2</source>
        <translation>%1 · última sincronização %2</translation>
    </message>
    <message>
        <source>last sync failed: %1</source>
        <translation>a última sincronização falhou: %1</translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation>Ninguém corresponde a estes filtros.</translation>
    </message>
    <message>
        <source>Nobody matches &quot;%1&quot;.</source>
        <translation>Ninguém corresponde a &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) shown</source>
        <translation>
            <numerusform>%n pessoa apresentada</numerusform>
            <numerusform>%n pessoas apresentadas</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — desloque para ver mais</translation>
    </message>
    <message numerus="yes">
        <source>%n with a similar spelling (in italics)</source>
        <translation>
            <numerusform>%n com grafia semelhante (em itálico)</numerusform>
            <numerusform>%n com grafia semelhante (em itálico)</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Doente</translation>
    </message>
    <message>
        <source>deleted from the registry</source>
        <translation>eliminado do registo</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inativo</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefones</translation>
    </message>
    <message>
        <source>none on record</source>
        <translation>nenhum registado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Unidade de saúde</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>County / region</source>
        <translation>Condado / região</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Updated at source</source>
        <translation>Atualizado na fonte</translation>
    </message>
    <message>
        <source>Updated here</source>
        <translation>Atualizado aqui</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funções</translation>
    </message>
    <message>
        <source>(no job)</source>
        <translation>(sem função)</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>Recent conversations</source>
        <translation>Conversas recentes</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Nenhuma por enquanto.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Escrever</translation>
    </message>
    <message>
        <source>Open this person&apos;s conversation, or start one assigned to you (Ctrl+M)</source>
        <translation>Abrir a conversa desta pessoa, ou iniciar uma atribuída a si (Ctrl+M)</translation>
    </message>
    <message numerus="yes">
        <source>syncing %1: %2, %Ln resource(s) read</source>
        <translation>
            <numerusform>a sincronizar %1: %2, %Ln recurso lido</numerusform>
            <numerusform>a sincronizar %1: %2, %Ln recursos lidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>conversa</translation>
    </message>
    <message numerus="yes">
        <source>%n older note(s) in the person&apos;s conversations.</source>
        <translation>
            <numerusform>%n nota mais antiga nas conversas da pessoa.</numerusform>
            <numerusform>%n notas mais antigas nas conversas da pessoa.</numerusform>
        </translation>
    </message>
    <message>
        <source>replied STOP</source>
        <translation>respondeu STOP</translation>
    </message>
    <message>
        <source>opted out on the messaging platform</source>
        <translation>cancelou na plataforma de mensagens</translation>
    </message>
    <message>
        <source>opted out of messages</source>
        <translation>cancelou a subscrição das mensagens</translation>
    </message>
    <message>
        <source>opted out of messages since %1</source>
        <translation>cancelou a subscrição das mensagens em %1</translation>
    </message>
</context>
<context>
    <name>mhero::ui::HomePage</name>
    <message>
        <source>Good morning, %1</source>
        <translation>Bom dia, %1</translation>
    </message>
    <message>
        <source>Good afternoon, %1</source>
        <translation>Boa tarde, %1</translation>
    </message>
    <message>
        <source>Good evening, %1</source>
        <translation>Boa noite, %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on %3 · PostgreSQL %4 · schema version %5</source>
        <translation>Sessão iniciada como %1 (%2) · servidor: %3 · PostgreSQL %4 · versão do esquema %5</translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation>Profissionais de saúde</translation>
    </message>
    <message>
        <source>Open conversations</source>
        <translation>Conversas abertas</translation>
    </message>
    <message>
        <source>Approved templates</source>
        <translation>Modelos aprovados</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>A carregar…</translation>
    </message>
    <message>
        <source>Could not load the figures: %1</source>
        <translation>Não foi possível carregar os números: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for an agent</source>
        <translation>
            <numerusform>%n à espera de um agente</numerusform>
            <numerusform>%n à espera de um agente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assigned to you</source>
        <translation>
            <numerusform>%n atribuída a si</numerusform>
            <numerusform>%n atribuídas a si</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) awaiting approval</source>
        <translation>
            <numerusform>%n versão a aguardar aprovação</numerusform>
            <numerusform>%n versões a aguardar aprovação</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Atualizado às %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on this computer · PostgreSQL %3 · schema version %4</source>
        <translation>Sessão iniciada como %1 (%2) neste computador · PostgreSQL %3 · versão do esquema %4</translation>
    </message>
    <message>
        <source>active, in %1 and %2</source>
        <translation>no ativo, em %1 e %2</translation>
    </message>
    <message numerus="yes">
        <source>%n district(s)</source>
        <translation>
            <numerusform>%n distrito</numerusform>
            <numerusform>%n distritos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facility(ies)</source>
        <translation>
            <numerusform>%n unidade de saúde</numerusform>
            <numerusform>%n unidades de saúde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync; &quot;mhero-admin source list&quot; shows it.</source>
        <translation>
            <numerusform>%n fonte comunicou um erro na última sincronização; &quot;mhero-admin source list&quot; mostra-o.</numerusform>
            <numerusform>%n fontes comunicaram um erro na última sincronização; &quot;mhero-admin source list&quot; mostra-os.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inbound message(s) were set aside because mHero cannot store them (for example an address it does not know); &quot;mhero-admin source quarantine NAME&quot; lists them with the reason.</source>
        <translation>
            <numerusform>%n mensagem recebida foi posta de lado porque o mHero não a consegue guardar (por exemplo, um endereço que não conhece); &quot;mhero-admin source quarantine NAME&quot; lista-a com o motivo.</numerusform>
            <numerusform>%n mensagens recebidas foram postas de lado porque o mHero não as consegue guardar (por exemplo, um endereço que não conhece); &quot;mhero-admin source quarantine NAME&quot; lista-as com o motivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync: new messages may arrive late and replies may wait. Please tell IT.</source>
        <translation>
            <numerusform>%n fonte comunicou um erro na última sincronização: as mensagens novas podem chegar atrasadas e as respostas podem ficar à espera. Avise a informática.</numerusform>
            <numerusform>%n fontes comunicaram um erro na última sincronização: as mensagens novas podem chegar atrasadas e as respostas podem ficar à espera. Avise a informática.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::LinkContactDialog</name>
    <message>
        <source>Link to a health worker</source>
        <translation>Associar a um profissional de saúde</translation>
    </message>
    <message>
        <source>Who writes from %1? Search the directory by name, phone number or facility.</source>
        <translation>Quem escreve a partir de %1? Pesquise no diretório por nome, número de telefone ou unidade de saúde.</translation>
    </message>
    <message>
        <source>Name, phone number, facility…</source>
        <translation>Nome, número de telefone, unidade…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Associar</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>A pesquisar…</translation>
    </message>
    <message>
        <source>%1 — %2, %3 · %4</source>
        <translation>%1 — %2, %3 · %4</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Ninguém encontrado.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::MainWindow</name>
    <message>
        <source>mHero Console — %1</source>
        <translation>mHero Console — %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registo de auditoria</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Sessão iniciada como %1 · servidor: %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Terminar sessão</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir para</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ajuda</translation>
    </message>
    <message>
        <source>&amp;About mHero Console</source>
        <translation>&amp;Acerca do mHero Console</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca do &amp;Qt</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Ligado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>A ligar…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>A restabelecer a ligação…</translation>
    </message>
    <message>
        <source>The connection to the database was lost. mHero reconnects by itself; what you see may be out of date until then. %1</source>
        <translation>A ligação à base de dados perdeu-se. O mHero volta a ligar-se automaticamente; até lá, o que vê pode estar desatualizado. %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <source>Signed in as %1 on this computer</source>
        <translation>Sessão iniciada como %1 neste computador</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Diretório</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Conversations (%1)</source>
        <translation>Conversas (%1)</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Aprovações</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fontes</translation>
    </message>
    <message>
        <source>Suggestion review</source>
        <translation>Revisão de sugestões</translation>
    </message>
</context>
<context>
    <name>mhero::ui::MediaOpener</name>
    <message>
        <source>The attachment could not be read: %1</source>
        <translation>Não foi possível ler o anexo: %1</translation>
    </message>
    <message>
        <source>This attachment is not kept in mHero.</source>
        <translation>Este anexo não é guardado no mHero.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>anexo</translation>
    </message>
    <message>
        <source>The attachment could not be saved to open it: %1</source>
        <translation>Não foi possível guardar o anexo para o abrir: %1</translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation>Nenhum programa deste computador abre ficheiros %1.</translation>
    </message>
    <message>
        <source>%1 files are not opened from a conversation: they could run a program on this computer.</source>
        <translation>Os ficheiros %1 não são abertos a partir de uma conversa: poderiam executar um programa neste computador.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::NotesPanel</name>
    <message>
        <source>NOTES · NEVER SENT</source>
        <translation>NOTAS · NUNCA ENVIADAS</translation>
    </message>
    <message>
        <source>Notes are for colleagues: they are never sent to the health worker.</source>
        <translation>As notas são para colegas: nunca são enviadas ao profissional de saúde.</translation>
    </message>
    <message>
        <source>Delete my note (Delete)</source>
        <translation>Apagar a minha nota (Delete)</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Ainda sem notas.</translation>
    </message>
    <message>
        <source>Add a note for colleagues…</source>
        <translation>Adicionar uma nota para colegas…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Adicionar nota</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>The notes could not be loaded: %1</source>
        <translation>Não foi possível carregar as notas: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>earlier conversation</source>
        <translation>conversa anterior</translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation>Escrita por %1.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>A nota não foi guardada: %1</translation>
    </message>
    <message>
        <source>The note was not deleted: %1</source>
        <translation>A nota não foi apagada: %1</translation>
    </message>
    <message>
        <source>Edit my note (F2)</source>
        <translation>Editar a minha nota (F2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>editada em %1</translation>
    </message>
    <message>
        <source>Your note. F2 edits it, Delete removes it.</source>
        <translation>A sua nota. F2 edita-a, Delete apaga-a.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
</context>
<context>
    <name>mhero::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual ao sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The new language takes effect the next time mHero Console starts.</source>
        <translation>O novo idioma será usado no próximo arranque do mHero Console.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <source>This deployment&apos;s settings, shared by every console and the sync engine. The database checks each value and records each change in the audit log.</source>
        <translation>As definições desta instalação, comuns a todas as consolas e ao motor de sincronização. A base de dados verifica cada valor e regista cada alteração no registo de auditoria.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Definição</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Valores permitidos</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Última alteração</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation>Não foi possível carregar as definições: %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(predefinição)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>A guardar…</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Não alterado: %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 passa a ser %2.</translation>
    </message>
    <message>
        <source>Allowed: %1 · key: %2</source>
        <translation>Permitido: %1 · chave: %2</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SignInDialog</name>
    <message>
        <source>Sign in — mHero Console</source>
        <translation>Entrar — mHero Console</translation>
    </message>
    <message>
        <source>mHero Console</source>
        <translation>mHero Console</translation>
    </message>
    <message>
        <source>Sign in to the health worker call center.</source>
        <translation>Entre no centro de atendimento dos profissionais de saúde.</translation>
    </message>
    <message>
        <source>New server…</source>
        <translation>Novo servidor…</translation>
    </message>
    <message>
        <source>Add a shared PostgreSQL server that your IT department set up.</source>
        <translation>Adicionar um servidor PostgreSQL partilhado configurado pelo seu departamento de informática.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Shared server</source>
        <translation>Servidor partilhado</translation>
    </message>
    <message>
        <source>e.g. Ministry call center</source>
        <translation>p. ex. Centro de atendimento do ministério</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>db.health.gov or 10.0.0.5</source>
        <translation>db.health.gov ou 10.0.0.5</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Anfitrião:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de dados:</translation>
    </message>
    <message>
        <source>Encrypted, certificate and host name verified</source>
        <translation>Encriptado, certificado e nome do anfitrião verificados</translation>
    </message>
    <message>
        <source>Encrypted, certificate verified</source>
        <translation>Encriptado, certificado verificado</translation>
    </message>
    <message>
        <source>Encrypted, not verified</source>
        <translation>Encriptado, não verificado</translation>
    </message>
    <message>
        <source>Encrypted if the server offers it</source>
        <translation>Encriptado se o servidor o suportar</translation>
    </message>
    <message>
        <source>Not encrypted (trusted network only)</source>
        <translation>Não encriptado (apenas rede de confiança)</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>Se&amp;gurança:</translation>
    </message>
    <message>
        <source>Certificate authority file from IT (.crt, .pem)</source>
        <translation>Ficheiro da autoridade de certificação fornecido pela informática (.crt, .pem)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autoridade de certificação</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificados (*.crt *.pem *.cer);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>o seu nome de utilizador</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome de &amp;utilizador:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Palavra-passe:</translation>
    </message>
    <message>
        <source>&amp;Remember my password in this computer&apos;s keychain</source>
        <translation>&amp;Memorizar a minha palavra-passe no porta-chaves deste computador</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>This computer (local database)</source>
        <translation>Este computador (base de dados local)</translation>
    </message>
    <message>
        <source>Uses the private database kept on this computer, in %1.</source>
        <translation>Utiliza a base de dados privada guardada neste computador, em %1.</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;, or choose a shared server.</source>
        <translation>Ainda não existe uma base de dados neste computador. Peça ao departamento de informática que execute &quot;mhero-admin local init&quot; ou escolha um servidor partilhado.</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Novo servidor</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Introduza o seu nome de utilizador.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name and database.</source>
        <translation>Introduza o nome do anfitrião do servidor e a base de dados.</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;.</source>
        <translation>Ainda não existe uma base de dados neste computador. Peça ao departamento de informática que execute &quot;mhero-admin local init&quot;.</translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation>A iniciar a base de dados neste computador…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>A ligar a %1…</translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation>A verificar a sua conta…</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>P&amp;orta:</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>Certifi&amp;cado da AC:</translation>
    </message>
    <message>
        <source>Connecting to the database on this computer…</source>
        <translation>A ligar à base de dados deste computador…</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>Fontes</translation>
    </message>
    <message>
        <source>The directories and messaging platforms the sync engine reads and sends through. IT adds and changes them (&quot;mhero-admin source&quot;); secrets never leave the server.</source>
        <translation>Os diretórios e plataformas de mensagens que o motor de sincronização lê e pelos quais envia. A informática adiciona-os e altera-os (&quot;mhero-admin source&quot;); os segredos nunca saem do servidor.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Ativada</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronização</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Segredo</translation>
    </message>
    <message>
        <source>FHIR directory</source>
        <translation>Diretório FHIR</translation>
    </message>
    <message>
        <source>Directory file</source>
        <translation>Ficheiro de diretório</translation>
    </message>
    <message>
        <source>RapidPro</source>
        <translation>RapidPro</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Messenger</translation>
    </message>
    <message>
        <source>Administrators only</source>
        <translation>Apenas administradores</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Nenhum guardado</translation>
    </message>
    <message>
        <source>Sealed for the sync engine, sent only to %1</source>
        <translation>Selado para o motor de sincronização, enviado só para %1</translation>
    </message>
    <message>
        <source>Must be entered again (%1)</source>
        <translation>Tem de ser introduzido de novo (%1)</translation>
    </message>
    <message>
        <source>The sources could not be loaded: %1</source>
        <translation>Não foi possível carregar as fontes: %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desativada</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falhou: %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Último sucesso: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n fonte</numerusform>
            <numerusform>%n fontes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n com falhas</numerusform>
            <numerusform>%n com falhas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionReviewPage</name>
    <message>
        <source>Suggestion review</source>
        <translation>Revisão de sugestões</translation>
    </message>
    <message>
        <source>Questions agents answered with another template than the first suggestion, oldest first. Approving one makes it an example question of that template: the suggestions use it from their next load. The template&apos;s approved wording does not change.</source>
        <translation>Perguntas a que os agentes responderam com um modelo diferente da primeira sugestão, das mais antigas para as mais recentes. Aprovar uma torna-a pergunta de exemplo desse modelo: as sugestões passam a usá-la a partir do próximo carregamento. O texto aprovado do modelo não muda.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pergunta</translation>
    </message>
    <message>
        <source>Template chosen</source>
        <translation>Modelo escolhido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeitar</translation>
    </message>
    <message>
        <source>Approve as example</source>
        <translation>Aprovar como exemplo</translation>
    </message>
    <message>
        <source>Add to the lexicon</source>
        <translation>Acrescentar ao léxico</translation>
    </message>
    <message>
        <source>Words and phrases that mean the same to health workers, for every template. The concept is lower-case letters, digits and _ (or _stop for words to ignore); the variants are separated by |.</source>
        <translation>Palavras e expressões que significam o mesmo para os profissionais de saúde, para todos os modelos. O conceito escreve-se com minúsculas, algarismos e _ (ou _stop para palavras a ignorar); as variantes separam-se com |.</translation>
    </message>
    <message>
        <source>e.g. fuel</source>
        <translation>p. ex. fuel</translation>
    </message>
    <message>
        <source>e.g. fuel | petrol | gasoil</source>
        <translation>p. ex. fuel | petrol | gasoil</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Acrescentar linha</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Conceito</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>The proposals could not be loaded: %1</source>
        <translation>Não foi possível carregar as propostas: %1</translation>
    </message>
    <message>
        <source>No proposed example questions.</source>
        <translation>Nenhuma pergunta de exemplo proposta.</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) waiting</source>
        <translation>
            <numerusform>%n proposta à espera</numerusform>
            <numerusform>%n propostas à espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Recusado: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; approved as an example of &quot;%2&quot;.</source>
        <translation>«%1» aprovada como exemplo de «%2».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; rejected.</source>
        <translation>«%1» rejeitada.</translation>
    </message>
    <message>
        <source>Type a concept and its variants, separated by |.</source>
        <translation>Escreva um conceito e as suas variantes, separadas por |.</translation>
    </message>
    <message>
        <source>Added to &quot;%1&quot;: the suggestions use it from their next load.</source>
        <translation>Acrescentado a «%1»: as sugestões passam a usá-lo a partir do próximo carregamento.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionStrip</name>
    <message>
        <source>No suggestions: %1</source>
        <translation>Sem sugestões: %1</translation>
    </message>
    <message>
        <source>Alt+%1  %2 (%3%)</source>
        <translation>Alt+%1  %2 (%3%)</translation>
    </message>
    <message>
        <source>Put this approved answer in the composer</source>
        <translation>Colocar esta resposta aprovada na caixa de resposta</translation>
    </message>
    <message>
        <source>No suggested answer for this message.</source>
        <translation>Nenhuma resposta sugerida para esta mensagem.</translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation>Sugestões:</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplateDiff</name>
    <message>
        <source>(no text)</source>
        <translation>(sem texto)</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatePicker</name>
    <message>
        <source>Search approved templates by name, tag or text…</source>
        <translation>Pesquisar modelos aprovados por nome, etiqueta ou texto…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>A pesquisar…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>A pesquisa falhou: %1</translation>
    </message>
    <message>
        <source>No approved template matches.</source>
        <translation>Nenhum modelo aprovado corresponde à pesquisa.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) · Enter to use, Esc to close</source>
        <translation>
            <numerusform>%n modelo · Enter para usar, Esc para fechar</numerusform>
            <numerusform>%n modelos · Enter para usar, Esc para fechar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n SMS part(s)</source>
        <translation>
            <numerusform>%1 · %n parte de SMS</numerusform>
            <numerusform>%1 · %n partes de SMS</numerusform>
        </translation>
    </message>
    <message>
        <source>To fill in before sending: %1</source>
        <translation>A preencher antes de enviar: %1</translation>
    </message>
    <message>
        <source>No template approved by WhatsApp for this number matches.</source>
        <translation>Nenhum modelo aprovado pelo WhatsApp para este número corresponde à pesquisa.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesModel</name>
    <message>
        <source>An earlier approved version is in use.</source>
        <translation>Está em uso uma versão aprovada anterior.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>%1 (approved in use)</source>
        <translation>%1 (versão aprovada em uso)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Última alteração</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Name, tag or text…</source>
        <translation>Nome, etiqueta ou texto…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Novo modelo</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. salary, payroll</source>
        <translation>Separadas por vírgulas, p. ex. salário, vencimentos</translation>
    </message>
    <message>
        <source>Names the agent fills in, e.g. code, deadline</source>
        <translation>Nomes que o agente preenche, p. ex. codigo, prazo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Free placeholders</source>
        <translation>Marcadores livres</translation>
    </message>
    <message>
        <source>Wording in this language, with placeholders such as {{given_name}}</source>
        <translation>Texto neste idioma, com marcadores como {{given_name}}</translation>
    </message>
    <message>
        <source>GSM-7: 160 characters in one SMS, 153 per part when split; UCS-2 (any character outside GSM-7, e.g. an emoji): 70 and 67.</source>
        <translation>GSM-7: 160 caracteres num SMS, 153 por parte quando dividido; UCS-2 (qualquer carácter fora do GSM-7, p. ex. um emoji): 70 e 67.</translation>
    </message>
    <message>
        <source>Preview for a sample health worker (Musu Kollie, Certified Midwife, Phebe Hospital):</source>
        <translation>Pré-visualização para um profissional de saúde de exemplo (Musu Kollie, Certified Midwife, Phebe Hospital):</translation>
    </message>
    <message>
        <source>Example questions (one per line; used to suggest this template):</source>
        <translation>Perguntas de exemplo (uma por linha; usadas para sugerir este modelo):</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar rascunho</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Submeter para aprovação</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>with</source>
        <translation>com</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation>Não foi possível carregar os modelos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n modelo</numerusform>
            <numerusform>%n modelos</numerusform>
        </translation>
    </message>
    <message>
        <source>New template: write at least one language, save it as a draft, then submit it for approval by another supervisor.</source>
        <translation>Novo modelo: escreva o texto em pelo menos um idioma, guarde-o como rascunho e depois submeta-o para aprovação por outro supervisor.</translation>
    </message>
    <message>
        <source>Select a template to read it.</source>
        <translation>Selecione um modelo para o ler.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · written by %3, last edited by %4</source>
        <translation>Versão %1 · %2 · escrita por %3, editada pela última vez por %4</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>decidida por %1</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>Motivo indicado: %1</translation>
    </message>
    <message>
        <source>Saving creates a new draft version; this one stays as it is.</source>
        <translation>Guardar cria uma nova versão de rascunho; esta fica como está.</translation>
    </message>
    <message>
        <source>No version yet.</source>
        <translation>Ainda não há nenhuma versão.</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>Versão %1 (%2)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versão %1</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>Carácter %1: %2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>No text in this language.</source>
        <translation>Sem texto neste idioma.</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · for the sample %2 → %n SMS part(s), %3</source>
        <translation>
            <numerusform>%1 caracteres · no exemplo %2 → %n parte de SMS, %3</numerusform>
            <numerusform>%1 caracteres · no exemplo %2 → %n partes de SMS, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>GSM-7 (160/153)</source>
        <translation>GSM-7 (160/153)</translation>
    </message>
    <message>
        <source>UCS-2 (70/67)</source>
        <translation>UCS-2 (70/67)</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>A submeter…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>A guardar…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não guardado: %1</translation>
    </message>
    <message>
        <source>Submitted: another supervisor can now approve it on the Approvals page.</source>
        <translation>Submetido: outro supervisor já o pode aprovar na página Aprovações.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Rascunho guardado.</translation>
    </message>
    <message>
        <source>Name, e.g. salary_paid_notice</source>
        <translation>Nome, p. ex. salary_paid_notice</translation>
    </message>
    <message>
        <source>Language, e.g. en_US</source>
        <translation>Idioma, p. ex. pt_BR</translation>
    </message>
    <message>
        <source>The WhatsApp template Meta approved for this wording, and its language code. Leave both empty when there is none.</source>
        <translation>O modelo WhatsApp aprovado pela Meta para este texto, e o seu código de idioma. Deixe ambos vazios se não houver.</translation>
    </message>
    <message>
        <source>WhatsApp template</source>
        <translation>Modelo WhatsApp</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Withdraw wording that must no longer be sent</source>
        <translation>Retirar um texto que já não deve ser enviado</translation>
    </message>
    <message>
        <source>Retire the approved version…</source>
        <translation>Retirar a versão aprovada…</translation>
    </message>
    <message>
        <source>Retire the whole template…</source>
        <translation>Retirar o modelo inteiro…</translation>
    </message>
    <message>
        <source>This template is retired: it can no longer be sent or edited.</source>
        <translation>Este modelo foi retirado: já não pode ser enviado nem editado.</translation>
    </message>
    <message>
        <source>Retire the template &quot;%1&quot;? Agents can no longer send any of its versions, and it cannot be edited again. Its history is kept.</source>
        <translation>Retirar o modelo «%1»? Os agentes deixam de poder enviar qualquer versão dele e não poderá voltar a ser editado. O histórico é conservado.</translation>
    </message>
    <message>
        <source>Retire version %1 of &quot;%2&quot;? Agents can no longer send it; a newer version can still be approved.</source>
        <translation>Retirar a versão %1 de «%2»? Os agentes deixam de a poder enviar; uma versão mais recente ainda pode ser aprovada.</translation>
    </message>
    <message>
        <source>Retiring…</source>
        <translation>A retirar…</translation>
    </message>
    <message>
        <source>Not retired: %1</source>
        <translation>Não retirado: %1</translation>
    </message>
    <message>
        <source>Retired: agents can no longer send it.</source>
        <translation>Retirado: os agentes já não o podem enviar.</translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and is still waiting for approval.</source>
        <translation>Guardado. A versão %1 não mudou e continua à espera de aprovação.</translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and stays approved.</source>
        <translation>Guardado. A versão %1 não mudou e continua aprovada.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadDelegate</name>
    <message>
        <source>Not sent.</source>
        <translation>Não enviada.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Não enviada: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar novamente</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>Voice note</source>
        <translation>Mensagem de voz</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>File (%1)</source>
        <translation>Ficheiro (%1)</translation>
    </message>
    <message>
        <source>Loading picture…</source>
        <translation>A carregar a imagem…</translation>
    </message>
    <message>
        <source>⏳ %1 — being fetched…</source>
        <translation>⏳ %1 — a transferir…</translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched.</source>
        <translation>⚠ Não foi possível transferir %1.</translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched: %2</source>
        <translation>⚠ Não foi possível transferir %1: %2</translation>
    </message>
    <message>
        <source>⚠ %1 — too large to keep; open it on the messaging platform.</source>
        <translation>⚠ %1 — ficheiro demasiado grande para ser guardado; abra-o na plataforma de mensagens.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadModel</name>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Escrita %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Enviada %1</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Entregue %1</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Lida %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>Falhou %1</translation>
    </message>
    <message>
        <source>Unsupported message (%1): mHero cannot show it; open it on the messaging platform.</source>
        <translation>Mensagem não suportada (%1): o mHero não a consegue mostrar; abra-a na plataforma de mensagens.</translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off. It goes when the channel is switched on again.</source>
        <translation>Ainda não enviada: o canal está desligado. Será enviada quando o canal voltar a ser ligado.</translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off (%1). It goes when the channel is switched on again.</source>
        <translation>Ainda não enviada: o canal está desligado (%1). Será enviada quando o canal voltar a ser ligado.</translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Próxima tentativa às %1.</translation>
    </message>
    <message>
        <source>Trying again now.</source>
        <translation>A tentar novamente agora.</translation>
    </message>
    <message>
        <source>Not sent yet: attempts so far: %1; last error: %2. %3</source>
        <translation>Ainda não enviada: tentativas até agora: %1; último erro: %2. %3</translation>
    </message>
    <message>
        <source>Not sent yet: waiting for the platform. Next try at %1.</source>
        <translation>Ainda não enviada: à espera da plataforma. Próxima tentativa às %1.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <source>Being sent (attempt %1)</source>
        <translation>A ser enviada (tentativa %1)</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>À espera de envio</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lida</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Não enviada</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Não enviada: %1</translation>
    </message>
    <message>
        <source>Reply, %1</source>
        <translation>Resposta, %1</translation>
    </message>
    <message>
        <source>Reply by %1, %2</source>
        <translation>Resposta de %1, %2</translation>
    </message>
    <message>
        <source>Message received %1</source>
        <translation>Mensagem recebida %1</translation>
    </message>
    <message>
        <source>Attempts so far: %1</source>
        <translation>Tentativas até agora: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último erro: %1</translation>
    </message>
    <message>
        <source>The channel is switched off (%1).</source>
        <translation>O canal está desligado (%1).</translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation>Próxima tentativa: %1</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TrayNotifier</name>
    <message>
        <source>mHero Console</source>
        <translation>mHero Console</translation>
    </message>
</context>
<context>
    <name>mhero::ui::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Everyone who may sign in, with their role. Accounts are created and deactivated by IT (&quot;mhero-admin user&quot;); every change is in the audit log.</source>
        <translation>Todas as pessoas que podem entrar, com a sua função. As contas são criadas e desativadas pela informática (&quot;mhero-admin user&quot;); cada alteração fica no registo de auditoria.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Línguas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>The users could not be loaded: %1</source>
        <translation>Não foi possível carregar os utilizadores: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desativado</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilizador</numerusform>
            <numerusform>%n utilizadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n ativo</numerusform>
            <numerusform>%n ativos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::users</name>
    <message>
        <source>Not connected.</source>
        <translation>Sem ligação.</translation>
    </message>
    <message>
        <source>Could not compute the password verifier.</source>
        <translation>Não foi possível calcular o verificador da palavra-passe.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>A palavra-passe deve ter pelo menos 8 caracteres.</translation>
    </message>
</context>
</TS>
