<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>mhero::Connection</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation>Le pilote PostgreSQL pour Qt (QPSQL) n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; does not exist on the server.</source>
        <translation>La base de données &quot;%1&quot; n&apos;existe pas sur le serveur.</translation>
    </message>
    <message>
        <source>The server does not accept this user from this computer. Ask IT to check the server&apos;s access rules.</source>
        <translation>Le serveur n&apos;accepte pas cet utilisateur depuis cet ordinateur. Demandez au service informatique de vérifier les règles d&apos;accès du serveur.</translation>
    </message>
    <message>
        <source>The database server at %1 did not answer in time.</source>
        <translation>Le serveur de base de données %1 n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed.</source>
        <translation>La connexion sécurisée (TLS) à %1 a échoué.</translation>
    </message>
    <message>
        <source>Cannot reach the database server at %1.</source>
        <translation>Impossible de joindre le serveur de base de données %1.</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>Impossible de se connecter à la base de données.</translation>
    </message>
</context>
<context>
    <name>mhero::ConnectionSettings</name>
    <message>
        <source>Invalid connection string.</source>
        <translation>Chaîne de connexion non valide.</translation>
    </message>
    <message>
        <source>Invalid port number.</source>
        <translation>Numéro de port non valide.</translation>
    </message>
</context>
<context>
    <name>mhero::DatabaseWorker</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation>Le pilote PostgreSQL pour Qt (QPSQL) n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Connexion perdue. Reconnexion…</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1). Retrying in %2 s.</source>
        <translation>Impossible de joindre le serveur (%1). Nouvelle tentative dans %2 s.</translation>
    </message>
</context>
<context>
    <name>mhero::LocalCluster</name>
    <message>
        <source>PostgreSQL server programs (initdb, pg_ctl) were not found.</source>
        <translation>Les programmes du serveur PostgreSQL (initdb, pg_ctl) sont introuvables.</translation>
    </message>
    <message>
        <source>Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) or set MHERO_PG_BINDIR.</source>
        <translation>Installez PostgreSQL (Debian/Ubuntu&#xa0;: apt-get install postgresql) ou définissez MHERO_PG_BINDIR.</translation>
    </message>
    <message>
        <source>Cannot run %1.</source>
        <translation>Impossible d&apos;exécuter %1.</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s.</source>
        <translation>%1 ne s&apos;est pas terminé en %2 s.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 a échoué (code de sortie %2).</translation>
    </message>
    <message>
        <source>A local database already exists in %1.</source>
        <translation>Une base de données locale existe déjà dans %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be reached by the user &quot;%2&quot; that PostgreSQL runs as (it refuses to run as root).</source>
        <translation>Le dossier %1 n&apos;est pas accessible à l&apos;utilisateur &quot;%2&quot; sous lequel PostgreSQL s&apos;exécute (PostgreSQL refuse de s&apos;exécuter en tant que root).</translation>
    </message>
    <message>
        <source>Choose a folder outside root&apos;s home, for example with MHERO_LOCAL_DB=/var/lib/mhero/local-db.</source>
        <translation>Choisissez un dossier hors du répertoire personnel de root, par exemple avec MHERO_LOCAL_DB=/var/lib/mhero/local-db.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>There is no local database in %1 yet.</source>
        <translation>Il n&apos;y a pas encore de base de données locale dans %1.</translation>
    </message>
    <message>
        <source>Create it with &quot;mhero-admin local init&quot; (scripts/demo does this).</source>
        <translation>Créez-la avec &quot;mhero-admin local init&quot; (scripts/demo le fait).</translation>
    </message>
    <message>
        <source>The local database server did not start.</source>
        <translation>Le serveur de base de données local n&apos;a pas démarré.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>Cannot read the local database&apos;s administrator password (%1).</source>
        <translation>Impossible de lire le mot de passe administrateur de la base de données locale (%1).</translation>
    </message>
    <message>
        <source>MHERO_PG_BINDIR (%1) does not contain initdb.</source>
        <translation>MHERO_PG_BINDIR (%1) ne contient pas initdb.</translation>
    </message>
    <message>
        <source>PostgreSQL cannot run as root, and the system user &quot;%1&quot; does not exist.</source>
        <translation>PostgreSQL ne peut pas s&apos;exécuter en tant que root, et l&apos;utilisateur système &quot;%1&quot; n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Install the postgresql package, or set MHERO_PG_RUN_AS to another user.</source>
        <translation>Installez le paquet postgresql ou indiquez un autre utilisateur dans MHERO_PG_RUN_AS.</translation>
    </message>
    <message>
        <source>Cannot make the user &quot;%2&quot; the owner of %1.</source>
        <translation>Impossible de rendre l&apos;utilisateur &quot;%2&quot; propriétaire de %1.</translation>
    </message>
</context>
<context>
    <name>mhero::Migrator</name>
    <message>
        <source>This database has no mHero schema yet. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation>Cette base de données n&apos;a pas encore de schéma mHero. Un administrateur doit exécuter &quot;mhero-admin migrate&quot;.</translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Install the newer mHero release.</source>
        <translation>La base de données utilise la version %1 du schéma, mais ce programme ne connaît que les versions jusqu&apos;à la %2. Installez la version plus récente de mHero.</translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Use the newer mhero-admin.</source>
        <translation>La base de données utilise la version %1 du schéma, mais ce programme ne connaît que les versions jusqu&apos;à la %2. Utilisez la version plus récente de mhero-admin.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) differs from the one applied to this database.</source>
        <translation>La migration %1 (%2) diffère de celle appliquée à cette base de données.</translation>
    </message>
    <message>
        <source>A shipped migration must never be edited; add a new one instead.</source>
        <translation>Une migration déjà livrée ne doit jamais être modifiée&#xa0;; ajoutez-en plutôt une nouvelle.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>La migration %1 (%2) a échoué&#xa0;: %3</translation>
    </message>
    <message>
        <source>The database uses schema version %1; this program needs version %2. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation>La base de données utilise la version %1 du schéma&#xa0;; ce programme a besoin de la version %2. Un administrateur doit exécuter &quot;mhero-admin migrate&quot;.</translation>
    </message>
    <message>
        <source>Definition %1 failed: %2</source>
        <translation>La définition %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>mhero::UserProfile</name>
    <message>
        <source>Administrator and supervisor</source>
        <translation>Administrateur et superviseur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Sync service</source>
        <translation>Service de synchronisation</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not an active mHero user. Ask your administrator.</source>
        <translation>Le compte &quot;%1&quot; n&apos;est pas un utilisateur mHero actif. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>This account has no access to mHero. Ask your administrator.</source>
        <translation>Ce compte n&apos;a pas accès à mHero. Adressez-vous à votre administrateur.</translation>
    </message>
</context>
<context>
    <name>mhero::channels</name>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation>La pièce jointe dépasse %1 Mo.</translation>
    </message>
    <message>
        <source>%1 could not give the attachment: %2</source>
        <translation>%1 n&apos;a pas pu fournir la pièce jointe : %2</translation>
    </message>
</context>
<context>
    <name>mhero::channels::ChannelStore</name>
    <message>
        <source>message %1: control characters or broken characters removed from its text</source>
        <translation>message %1&#xa0;: caractères de contrôle ou caractères corrompus retirés de son texte</translation>
    </message>
    <message>
        <source>unusable address &quot;%1&quot;</source>
        <translation>adresse inutilisable &quot;%1&quot;</translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation>message %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>mhero::channels::MediaFetcher</name>
    <message>
        <source>%1 gave no link for the attachment.</source>
        <translation>%1 n&apos;a fourni aucun lien pour la pièce jointe.</translation>
    </message>
    <message>
        <source>Larger than %1 MB: not kept; open it on the messaging platform.</source>
        <translation>Plus de %1 Mo&#xa0;: fichier non conservé&#xa0;; ouvrez-le sur la plateforme de messagerie.</translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxSender</name>
    <message>
        <source>Not sent: this person has opted out (%1).</source>
        <translation>Non envoyé&#xa0;: cette personne s&apos;est désinscrite (%1).</translation>
    </message>
    <message>
        <source>Could not check whether an earlier attempt arrived: %1</source>
        <translation>Impossible de vérifier si une tentative précédente est arrivée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The attachment of this message is missing from the database.</source>
        <translation>La pièce jointe de ce message est absente de la base de données.</translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxStore</name>
    <message>
        <source>The messaging platform accepted the message but will not deliver it.</source>
        <translation>La plateforme de messagerie a accepté le message mais ne le distribuera pas.</translation>
    </message>
    <message>
        <source>%1 (%2 may or may not have accepted it)</source>
        <translation>%1 (%2 l&apos;a peut-être accepté, ou peut-être pas)</translation>
    </message>
    <message>
        <source>The text no longer follows the template&apos;s wording, so it cannot go as the approved WhatsApp template %1.</source>
        <translation>Le texte ne suit plus la formulation du modèle : il ne peut pas partir comme modèle WhatsApp approuvé %1.</translation>
    </message>
    <message>
        <source>It cannot go as the WhatsApp template %1: %2.</source>
        <translation>Le message ne peut pas être envoyé comme modèle WhatsApp %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>mhero::fhir</name>
    <message>
        <source>the field &quot;%1&quot; is longer than %2 characters</source>
        <translation>le champ &quot;%1&quot; dépasse %2 caractères</translation>
    </message>
    <message>
        <source>%1 has no valid id</source>
        <translation>%1 n&apos;a pas d&apos;identifiant valide</translation>
    </message>
    <message>
        <source>a given name is longer than %1 characters</source>
        <translation>un prénom dépasse %1 caractères</translation>
    </message>
    <message>
        <source>Unnamed %1 %2</source>
        <translation>%1 sans nom %2</translation>
    </message>
    <message>
        <source>a DELETE entry has no usable request.url</source>
        <translation>une entrée DELETE n&apos;a pas de request.url exploitable</translation>
    </message>
    <message>
        <source>an entry has no resource</source>
        <translation>une entrée n&apos;a pas de ressource</translation>
    </message>
    <message>
        <source>The server sent a page larger than %1 MB.</source>
        <translation>Le serveur a envoyé une page de plus de %1 Mo.</translation>
    </message>
    <message>
        <source>The server sent a page that is not valid JSON.</source>
        <translation>Le serveur a envoyé une page qui n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The server sent a page nested deeper than %1 levels.</source>
        <translation>Le serveur a envoyé une page imbriquée sur plus de %1 niveaux.</translation>
    </message>
    <message>
        <source>The server sent a %1 where a Bundle was expected.</source>
        <translation>Le serveur a envoyé un %1 au lieu d&apos;un Bundle.</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>The page&apos;s next link is not an absolute URL.</source>
        <translation>Le lien vers la page suivante n&apos;est pas une URL absolue.</translation>
    </message>
    <message>
        <source>The Bundle is malformed: %1.</source>
        <translation>Le Bundle est mal formé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The Bundle&apos;s entries are not a list.</source>
        <translation>Les entrées du Bundle ne sont pas une liste.</translation>
    </message>
    <message>
        <source>entry %1 skipped: %2</source>
        <translation>entrée %1 ignorée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1/%2 lists %3 more phone numbers than the %4 kept; the rest were ignored</source>
        <translation>%1/%2 indique %3 numéros de téléphone de plus que les %4 conservés&#xa0;; les autres ont été ignorés</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation>Le fichier dépasse %1 Mo.</translation>
    </message>
    <message>
        <source>The file is not valid JSON.</source>
        <translation>Le fichier n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The file is nested deeper than %1 levels.</source>
        <translation>Le fichier est imbriqué sur plus de %1 niveaux.</translation>
    </message>
    <message>
        <source>The file holds a %1, not a FHIR Bundle.</source>
        <translation>Le fichier contient un %1, et non un Bundle FHIR.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows.</source>
        <translation>&quot;%1&quot; n&apos;est pas un code pays connu de libphonenumber.</translation>
    </message>
    <message>
        <source>The file holds no entries; nothing was imported.</source>
        <translation>Le fichier ne contient aucune entrée&#xa0;; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The file holds %1 entries, and none of them could be used; nothing was imported.</source>
        <translation>Le fichier contient %1 entrées, et aucune n&apos;a pu être utilisée&#xa0;; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The source &quot;%1&quot; is a live %2 source; import files under another name.</source>
        <translation>La source &quot;%1&quot; est une source %2 en ligne&#xa0;; importez les fichiers sous un autre nom.</translation>
    </message>
    <message>
        <source>This authentication method needs a secret.</source>
        <translation>Cette méthode d&apos;authentification nécessite un secret.</translation>
    </message>
    <message>
        <source>There is no FHIR source named &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de source FHIR nommée &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirClient</name>
    <message>
        <source>The server sent a link to another server; it is not followed.</source>
        <translation>Le serveur a envoyé un lien vers un autre serveur&#xa0;; il n&apos;est pas suivi.</translation>
    </message>
    <message>
        <source>The server sent more than %1 MB for one page.</source>
        <translation>Le serveur a envoyé plus de %1 Mo pour une seule page.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The FHIR server refused the credentials (HTTP %1).</source>
        <translation>Le serveur FHIR a refusé les identifiants (HTTP %1).</translation>
    </message>
    <message>
        <source>The FHIR server answered HTTP %1.</source>
        <translation>Le serveur FHIR a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>The FHIR server could not be reached: %1.</source>
        <translation>Impossible de joindre le serveur FHIR&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Abandon après %n tentative.</numerusform>
            <numerusform>Abandon après %n tentatives.</numerusform>
        </translation>
    </message>
    <message>
        <source>The credentials were entered for %1; they are not sent to %2.</source>
        <translation>Les identifiants ont été saisis pour %1&#xa0;; ils ne sont pas envoyés à %2.</translation>
    </message>
    <message>
        <source>The FHIR server redirected to %1; the redirect is not followed (credentials go only to the server they were entered for).</source>
        <translation>Le serveur FHIR a redirigé vers %1&#xa0;; la redirection n&apos;est pas suivie (les identifiants ne sont envoyés qu&apos;au serveur pour lequel ils ont été saisis).</translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirSync</name>
    <message>
        <source>The sync of %1 stopped after %2 pages, the most one run may read (max_pages_per_run of the source); the next run continues from there.</source>
        <translation>La synchronisation de %1 s&apos;est arrêtée après %2 pages, le maximum qu&apos;une exécution peut lire (max_pages_per_run de la source)&#xa0;; la prochaine exécution reprendra à partir de là.</translation>
    </message>
    <message>
        <source>%1 does not offer %2/_history, so deleted %2 resources are not detected: %3</source>
        <translation>%1 ne propose pas %2/_history&#xa0;; les ressources %2 supprimées ne sont donc pas détectées&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 sent a next link back to a page already read; the sync stopped so that it cannot loop. The FHIR server (or a proxy in front of it) needs attention.</source>
        <translation>%1 a envoyé un lien vers la page suivante qui renvoie à une page déjà lue&#xa0;; la synchronisation s&apos;est arrêtée pour ne pas tourner en boucle. Le serveur FHIR (ou un proxy placé devant lui) doit être vérifié.</translation>
    </message>
</context>
<context>
    <name>mhero::messaging</name>
    <message>
        <source>%1 has this conversation.</source>
        <translation>%1 s&apos;occupe de cette conversation.</translation>
    </message>
    <message>
        <source>This person has opted out of messages; nothing can be sent to them.</source>
        <translation>Cette personne s&apos;est désinscrite des messages&#xa0;; rien ne peut lui être envoyé.</translation>
    </message>
    <message>
        <source>This deployment sends approved templates only: choose a template (Ctrl+T).</source>
        <translation>Ce déploiement n&apos;envoie que des modèles approuvés&#xa0;: choisissez un modèle (Ctrl+T).</translation>
    </message>
    <message>
        <source>This person has a newer open conversation; continue there.</source>
        <translation>Cette personne a une conversation ouverte plus récente&#xa0;; poursuivez-la.</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>Cette conversation n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The server did not answer the claim.</source>
        <translation>Le serveur n&apos;a pas répondu à la demande de prise en charge.</translation>
    </message>
    <message>
        <source>This person has no valid phone number to write to; correct it in the registry.</source>
        <translation>Cette personne n’a aucun numéro de téléphone valide ; corrigez-le dans le registre.</translation>
    </message>
    <message>
        <source>No messaging channel is set up (or several are): ask IT to connect one RapidPro workspace.</source>
        <translation>Aucun canal de messagerie n’est configuré (ou il y en a plusieurs) : demandez à l’informatique de connecter un espace RapidPro.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La note est vide.</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters; this one has %2.</source>
        <translation>Une note compte au plus %1 caractères ; celle-ci en a %2.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author can delete it.</source>
        <translation>Seul l’auteur de la note peut la supprimer.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author can change it.</source>
        <translation>Seul l&apos;auteur de la note peut la modifier.</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de source nommée &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This channel cannot send this kind of file: %1</source>
        <translation>Ce canal ne peut pas envoyer ce type de fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file is too large for this channel (at most %1 MB).</source>
        <translation>Le fichier est trop volumineux pour ce canal (%1 Mo au maximum).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>No SMS channel is set up: ask IT to connect a RapidPro workspace.</source>
        <translation>Aucun canal SMS n&apos;est configuré&#xa0;: demandez à l&apos;informatique de connecter un espace RapidPro.</translation>
    </message>
    <message>
        <source>This conversation is not with a WhatsApp number.</source>
        <translation>Cette conversation n&apos;est pas avec un numéro WhatsApp.</translation>
    </message>
    <message>
        <source>This conversation does not exist.</source>
        <translation>Cette conversation n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>mhero::messaging::MediaRules</name>
    <message>
        <source>This channel cannot send attachments.</source>
        <translation>Ce canal ne peut pas envoyer de pièces jointes.</translation>
    </message>
    <message>
        <source>%1 cannot send this kind of file (%2). It can send: %3.</source>
        <translation>%1 ne peut pas envoyer ce type de fichier (%2). Types acceptés&#xa0;: %3.</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The file is %1; %2 sends at most %3.</source>
        <translation>Le fichier fait %1&#xa0;; %2 envoie au maximum %3.</translation>
    </message>
</context>
<context>
    <name>mhero::meta</name>
    <message>
        <source>a template update mHero cannot read (%1, %2, %3)</source>
        <translation>une mise à jour de modèle que mHero ne peut pas lire (%1, %2, %3)</translation>
    </message>
    <message>
        <source>Source %1 does not take webhooks.</source>
        <translation>La source %1 n&apos;accepte pas les webhooks.</translation>
    </message>
    <message>
        <source>%1 needs three secrets: the access token, the app secret and the webhook verify token, one per line.</source>
        <translation>%1 nécessite trois secrets&#xa0;: le jeton d&apos;accès, le secret de l&apos;application et le jeton de vérification du webhook, un par ligne.</translation>
    </message>
    <message>
        <source>The phone number id and the WhatsApp Business Account id are numbers, as Meta&apos;s WhatsApp Manager shows them.</source>
        <translation>L&apos;identifiant du numéro de téléphone et l&apos;identifiant du compte WhatsApp Business sont des nombres, tels que les affiche le WhatsApp Manager de Meta.</translation>
    </message>
    <message>
        <source>The Page id is a number, as the Page&apos;s settings show it.</source>
        <translation>L&apos;identifiant de la Page est un nombre, tel qu&apos;il figure dans les paramètres de la Page.</translation>
    </message>
    <message>
        <source>There is no WhatsApp or Messenger source named &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de source WhatsApp ou Messenger nommée &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The webhook body is not JSON.</source>
        <translation>Le corps du webhook n&apos;est pas du JSON.</translation>
    </message>
    <message>
        <source>The webhook body is not a JSON object.</source>
        <translation>Le corps du webhook n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The webhook is not for this kind of channel (object &quot;%1&quot;, expected &quot;%2&quot;).</source>
        <translation>Le webhook ne concerne pas ce type de canal (objet &quot;%1&quot;, &quot;%2&quot; attendu).</translation>
    </message>
    <message>
        <source>The webhook has no list of entries.</source>
        <translation>Le webhook ne contient pas de liste d&apos;entrées.</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>a message without a usable id</source>
        <translation>un message sans identifiant exploitable</translation>
    </message>
    <message>
        <source>message %1 has no usable timestamp</source>
        <translation>le message %1 n&apos;a pas d&apos;horodatage exploitable</translation>
    </message>
    <message>
        <source>message %1: a %2 without a media id</source>
        <translation>message %1&#xa0;: type %2 sans identifiant de média</translation>
    </message>
    <message>
        <source>a status without a usable message id</source>
        <translation>un statut sans identifiant de message exploitable</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; of %2 is not one mHero follows</source>
        <translation>le statut &quot;%1&quot; de %2 n&apos;est pas suivi par mHero</translation>
    </message>
    <message>
        <source>entry %1, change %2</source>
        <translation>entrée %1, modification %2</translation>
    </message>
    <message>
        <source>a template update without name, language or event</source>
        <translation>une mise à jour de modèle sans nom, langue ou événement</translation>
    </message>
    <message>
        <source>, message %1: </source>
        <translation>, message %1&#xa0;: </translation>
    </message>
    <message>
        <source>, status %1: </source>
        <translation>, statut %1&#xa0;: </translation>
    </message>
    <message>
        <source>entry %1, event %2: </source>
        <translation>entrée %1, événement %2&#xa0;: </translation>
    </message>
    <message>
        <source>no usable sender id</source>
        <translation>aucun identifiant d&apos;expéditeur exploitable</translation>
    </message>
    <message>
        <source>a read receipt without a watermark</source>
        <translation>un accusé de lecture sans watermark</translation>
    </message>
    <message>
        <source>an event mHero does not store</source>
        <translation>un événement que mHero n&apos;enregistre pas</translation>
    </message>
    <message>
        <source>a message without a usable id or time</source>
        <translation>un message sans identifiant ni heure exploitables</translation>
    </message>
    <message>
        <source>messages for WhatsApp number %1, which is no source&apos;s: left out</source>
        <translation>messages pour le numéro WhatsApp %1, qui n&apos;est celui d&apos;aucune source&#xa0;: ignorés</translation>
    </message>
    <message>
        <source>a template update for WhatsApp Business Account %1, which is no source&apos;s</source>
        <translation>une mise à jour de modèle pour le compte WhatsApp Business %1, qui n&apos;est celui d&apos;aucune source</translation>
    </message>
    <message>
        <source>events for Facebook Page %1, which is no source&apos;s: left out</source>
        <translation>événements pour la page Facebook %1, qui n&apos;est celle d&apos;aucune source&#xa0;: ignorés</translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the person last wrote: only an approved WhatsApp template can reach them now.</source>
        <translation>Plus de 24 heures se sont écoulées depuis le dernier message de la personne : seul un modèle WhatsApp approuvé peut encore l&apos;atteindre.</translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages (not on WhatsApp, or an old app): try SMS.</source>
        <translation>Ce numéro ne peut pas recevoir de messages WhatsApp (pas sur WhatsApp, ou application trop ancienne) : essayez le SMS.</translation>
    </message>
    <message>
        <source>Too many messages to this person in a short time; it will be sent again shortly.</source>
        <translation>Trop de messages à cette personne en peu de temps ; il sera renvoyé sous peu.</translation>
    </message>
    <message>
        <source>WhatsApp&apos;s sending rate for this number was reached; sending resumes shortly.</source>
        <translation>La cadence d&apos;envoi WhatsApp de ce numéro est atteinte ; l&apos;envoi reprend sous peu.</translation>
    </message>
    <message>
        <source>The WhatsApp template takes a different number of values than were given.</source>
        <translation>Le modèle WhatsApp attend un autre nombre de valeurs que celles fournies.</translation>
    </message>
    <message>
        <source>WhatsApp has no approved template of this name in this language.</source>
        <translation>WhatsApp n&apos;a aucun modèle approuvé de ce nom dans cette langue.</translation>
    </message>
    <message>
        <source>The WhatsApp template is paused (too many people blocked or reported it).</source>
        <translation>Le modèle WhatsApp est suspendu (trop de personnes l&apos;ont bloqué ou signalé).</translation>
    </message>
    <message>
        <source>The WhatsApp template is disabled.</source>
        <translation>Le modèle WhatsApp est désactivé.</translation>
    </message>
    <message>
        <source>A value of the template is missing.</source>
        <translation>Une valeur du modèle manque.</translation>
    </message>
    <message>
        <source>WhatsApp refused a value of the message as invalid.</source>
        <translation>WhatsApp a refusé une valeur du message comme non valide.</translation>
    </message>
    <message>
        <source>%1 refused the access token (expired or revoked): IT must enter a new one.</source>
        <translation>%1 a refusé le jeton d&apos;accès (expiré ou révoqué) : l&apos;informatique doit en saisir un nouveau.</translation>
    </message>
    <message>
        <source>This person is not available on Messenger right now.</source>
        <translation>Cette personne n&apos;est pas joignable sur Messenger pour le moment.</translation>
    </message>
    <message>
        <source>Messenger allows replies only within 24 hours of the person&apos;s last message (7 days for a human agent&apos;s reply).</source>
        <translation>Messenger n&apos;autorise les réponses que dans les 24 heures suivant le dernier message de la personne (7 jours pour la réponse d&apos;un agent humain).</translation>
    </message>
    <message>
        <source>Messenger knows no such person for this Page.</source>
        <translation>Messenger ne connaît pas cette personne pour cette Page.</translation>
    </message>
    <message>
        <source>%1 may or may not have accepted it (%2).</source>
        <translation>%1 l&apos;a peut-être accepté, peut-être pas (%2).</translation>
    </message>
</context>
<context>
    <name>mhero::meta::GraphAdapter</name>
    <message>
        <source>%1 asked to slow down</source>
        <translation>%1 a demandé de ralentir</translation>
    </message>
    <message>
        <source>Part of the message was sent; the rest was not (%1). It will be sent again, and the person may see the first part twice.</source>
        <translation>Une partie du message est partie, le reste non (%1). Il sera renvoyé, et la personne pourra voir la première partie deux fois.</translation>
    </message>
    <message>
        <source>%1 answered without a message id: %2</source>
        <translation>%1 a répondu sans identifiant de message : %2</translation>
    </message>
</context>
<context>
    <name>mhero::meta::MessengerAdapter</name>
    <message>
        <source>%1 is not a Messenger address (facebook: and the person&apos;s page-scoped id).</source>
        <translation>%1 n&apos;est pas une adresse Messenger (facebook: suivi de l&apos;identifiant de la personne pour la Page).</translation>
    </message>
    <message>
        <source>Messenger takes at most 2,000 characters in a message.</source>
        <translation>Messenger accepte au plus 2 000 caractères par message.</translation>
    </message>
    <message>
        <source>Messenger accepted the file but gave no attachment id.</source>
        <translation>Messenger a accepté le fichier mais n&apos;a donné aucun identifiant de pièce jointe.</translation>
    </message>
    <message>
        <source>Messenger gave no usable link for the attachment.</source>
        <translation>Messenger n&apos;a donné aucun lien utilisable pour la pièce jointe.</translation>
    </message>
</context>
<context>
    <name>mhero::meta::MetaSync</name>
    <message>
        <source>WhatsApp&apos;s template list could not be read (no &quot;data&quot; list).</source>
        <translation>La liste des modèles WhatsApp n&apos;a pas pu être lue (pas de liste « data »).</translation>
    </message>
    <message>
        <source>WhatsApp&apos;s template list went on past %1 pages; it was not taken.</source>
        <translation>La liste des modèles WhatsApp dépassait %1 pages ; elle n&apos;a pas été reprise.</translation>
    </message>
</context>
<context>
    <name>mhero::meta::WhatsAppAdapter</name>
    <message>
        <source>%1 is not a WhatsApp address (whatsapp: and the number&apos;s digits).</source>
        <translation>%1 n&apos;est pas une adresse WhatsApp (whatsapp: suivi des chiffres du numéro).</translation>
    </message>
    <message>
        <source>WhatsApp accepted the file but gave no media id.</source>
        <translation>WhatsApp a accepté le fichier mais n&apos;a donné aucun identifiant de média.</translation>
    </message>
    <message>
        <source>WhatsApp gave no usable media id for the attachment.</source>
        <translation>WhatsApp n&apos;a donné aucun identifiant de média utilisable pour la pièce jointe.</translation>
    </message>
    <message>
        <source>WhatsApp could not give the attachment: %1</source>
        <translation>WhatsApp n&apos;a pas pu fournir la pièce jointe : %1</translation>
    </message>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation>La pièce jointe dépasse %1 Mo.</translation>
    </message>
    <message>
        <source>WhatsApp pointed the attachment at %1, which is not Meta&apos;s; the access token is not sent there.</source>
        <translation>WhatsApp a placé la pièce jointe sur %1, qui n&apos;appartient pas à Meta ; le jeton d&apos;accès n&apos;y est pas envoyé.</translation>
    </message>
    <message>
        <source>The attachment WhatsApp gave does not match its checksum; it will be fetched again.</source>
        <translation>La pièce jointe fournie par WhatsApp ne correspond pas à sa somme de contrôle ; elle sera récupérée à nouveau.</translation>
    </message>
</context>
<context>
    <name>mhero::net</name>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
</context>
<context>
    <name>mhero::net::HttpClient</name>
    <message>
        <source>The access token was entered for %1; it is not sent to %2.</source>
        <translation>Le jeton d&apos;accès a été saisi pour %1 ; il n&apos;est pas envoyé à %2.</translation>
    </message>
    <message>
        <source>%1 redirected to %2, another server; the access token is not sent there.</source>
        <translation>%1 a redirigé vers %2, un autre serveur ; le jeton d&apos;accès n&apos;y est pas envoyé.</translation>
    </message>
    <message>
        <source>the answer was larger than %1 MB</source>
        <translation>la réponse dépassait %1 Mo</translation>
    </message>
    <message>
        <source>%1 refused the access token (HTTP %2).</source>
        <translation>%1 a refusé le jeton d&apos;accès (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 a répondu HTTP %2.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2.</source>
        <translation>%1 est injoignable : %2.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Abandon après %n tentative.</numerusform>
            <numerusform>Abandon après %n tentatives.</numerusform>
        </translation>
    </message>
    <message>
        <source>The attachment is kept at %1, which is neither %2&apos;s server nor https; it is not fetched.</source>
        <translation>La pièce jointe se trouve sur %1, qui n&apos;est ni le serveur de %2 ni en https ; elle n&apos;est pas récupérée.</translation>
    </message>
</context>
<context>
    <name>mhero::phone</name>
    <message>
        <source>The number is empty.</source>
        <translation>Le numéro est vide.</translation>
    </message>
    <message>
        <source>The number contains characters that are not digits or separators.</source>
        <translation>Le numéro contient des caractères qui ne sont ni des chiffres ni des séparateurs.</translation>
    </message>
    <message>
        <source>The number has no country code and the source has no default region.</source>
        <translation>Le numéro n&apos;a pas d&apos;indicatif pays et la source n&apos;a pas de région par défaut.</translation>
    </message>
    <message>
        <source>The number is not a valid phone number for its country.</source>
        <translation>Ce n&apos;est pas un numéro de téléphone valide pour son pays.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro</name>
    <message>
        <source>RapidPro sent a reply that is not JSON.</source>
        <translation>RapidPro a envoyé une réponse qui n&apos;est pas du JSON.</translation>
    </message>
    <message>
        <source>RapidPro sent a reply that is not a JSON object.</source>
        <translation>RapidPro a envoyé une réponse qui n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>RapidPro sent a page without a results list.</source>
        <translation>RapidPro a envoyé une page sans liste de résultats.</translation>
    </message>
    <message>
        <source>RapidPro sent an unusable next link.</source>
        <translation>RapidPro a envoyé un lien vers la page suivante inutilisable.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>pas un objet</translation>
    </message>
    <message>
        <source>result %1: %2</source>
        <translation>résultat %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a message without uuid or id</source>
        <translation>un message sans uuid ni id</translation>
    </message>
    <message>
        <source>a message with a malformed uuid</source>
        <translation>un message avec un uuid mal formé</translation>
    </message>
    <message>
        <source>message %1 has no direction</source>
        <translation>le message %1 n&apos;a pas de direction</translation>
    </message>
    <message>
        <source>message %1 is longer than %2 characters</source>
        <translation>le message %1 dépasse %2 caractères</translation>
    </message>
    <message>
        <source>message %1 has no readable created_on</source>
        <translation>le message %1 n&apos;a pas de created_on lisible</translation>
    </message>
    <message>
        <source>a contact without uuid</source>
        <translation>un contact sans uuid</translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable message.</source>
        <translation>RapidPro a répondu avec un message illisible.</translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable broadcast.</source>
        <translation>RapidPro a répondu avec une diffusion illisible.</translation>
    </message>
    <message>
        <source>A RapidPro source needs an API token.</source>
        <translation>Une source RapidPro nécessite un jeton d&apos;API.</translation>
    </message>
    <message>
        <source>There is no RapidPro source named &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de source RapidPro nommée &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProAdapter</name>
    <message>
        <source>RapidPro did not send it: the contact is blocked, stopped or archived there, or has no usable address.</source>
        <translation>RapidPro ne l&apos;a pas envoyé&#xa0;: le contact y est bloqué, désinscrit ou archivé, ou n&apos;a pas d&apos;adresse utilisable.</translation>
    </message>
    <message>
        <source>RapidPro accepted the message but its answer could not be read.</source>
        <translation>RapidPro a accepté le message, mais sa réponse est illisible.</translation>
    </message>
    <message>
        <source>RapidPro refused the API token (HTTP %1); an administrator must update it.</source>
        <translation>RapidPro a refusé le jeton d&apos;API (HTTP %1)&#xa0;; un administrateur doit le mettre à jour.</translation>
    </message>
    <message>
        <source>RapidPro refused the message: %1</source>
        <translation>RapidPro a refusé le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>RapidPro did not answer: %1</source>
        <translation>RapidPro n&apos;a pas répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>RapidPro sent a next link back to a page already read; the poll stopped so that it cannot loop. The RapidPro server (or a proxy in front of it) needs attention.</source>
        <translation>RapidPro a envoyé un lien vers la page suivante qui renvoie à une page déjà lue&#xa0;; la récupération s&apos;est arrêtée pour ne pas tourner en boucle. Le serveur RapidPro (ou un proxy placé devant lui) doit être vérifié.</translation>
    </message>
    <message>
        <source>The poll stopped after %1 pages, the most one run may read (max_pages_per_run of the source); it starts again from the same point next time.</source>
        <translation>La récupération s&apos;est arrêtée après %1 pages, le maximum qu&apos;une exécution peut lire (max_pages_per_run de la source)&#xa0;; elle reprendra au même point la prochaine fois.</translation>
    </message>
    <message>
        <source>RapidPro could not deliver it (the channel or the number failed).</source>
        <translation>RapidPro n&apos;a pas pu le remettre (échec du canal ou du numéro).</translation>
    </message>
    <message>
        <source>RapidPro took the attachment but its answer could not be read.</source>
        <translation>RapidPro a accepté la pièce jointe, mais sa réponse est illisible.</translation>
    </message>
    <message>
        <source>RapidPro refused the attachment: %1</source>
        <translation>RapidPro a refusé la pièce jointe&#xa0;: %1</translation>
    </message>
    <message>
        <source>RapidPro did not take the attachment: %1</source>
        <translation>RapidPro n&apos;a pas reçu la pièce jointe&#xa0;: %1</translation>
    </message>
    <message>
        <source>RapidPro gave no usable link for the attachment.</source>
        <translation>RapidPro n&apos;a fourni aucun lien utilisable pour la pièce jointe.</translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProClient</name>
    <message>
        <source>RapidPro sent a link to another server; it is not followed.</source>
        <translation>RapidPro a envoyé un lien vers un autre serveur&#xa0;; il n&apos;est pas suivi.</translation>
    </message>
</context>
<context>
    <name>mhero::secrets</name>
    <message>
        <source>The secret of source &quot;%1&quot; must be entered again (mhero-admin source secret %1): %2</source>
        <translation>Le secret de la source &quot;%1&quot; doit être saisi à nouveau (mhero-admin source secret %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The sync engine key file %1 can be read by other accounts; make it readable only by the sync engine&apos;s account (chmod 600).</source>
        <translation>Le fichier de clé du moteur de synchronisation %1 est lisible par d&apos;autres comptes&#xa0;; rendez-le lisible uniquement par le compte du moteur de synchronisation (chmod 600).</translation>
    </message>
    <message>
        <source>Cannot read the sync engine key file %1.</source>
        <translation>Impossible de lire le fichier de clé du moteur de synchronisation %1.</translation>
    </message>
    <message>
        <source>%1 is not a sync engine key file.</source>
        <translation>%1 n&apos;est pas un fichier de clé du moteur de synchronisation.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot create the sync engine key file %1.</source>
        <translation>Impossible de créer le fichier de clé du moteur de synchronisation %1.</translation>
    </message>
    <message>
        <source>Cannot write the sync engine key file %1.</source>
        <translation>Impossible d&apos;écrire le fichier de clé du moteur de synchronisation %1.</translation>
    </message>
    <message>
        <source>The sync engine key published in the database is damaged.</source>
        <translation>La clé du moteur de synchronisation publiée dans la base de données est endommagée.</translation>
    </message>
    <message>
        <source>This sync engine&apos;s key (%1, in %2) is not the key published in the database (%3). Copy the key file of the engine that published %3 to %2, or replace the published key with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation>La clé de ce moteur de synchronisation (%1, dans %2) n&apos;est pas la clé publiée dans la base de données (%3). Copiez dans %2 le fichier de clé du moteur qui a publié %3, ou remplacez la clé publiée avec &quot;mhero-server --init-key --replace-key&quot; (tous les secrets des sources devront alors être saisis à nouveau).</translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1, but the database expects the key %2. Copy the key file of the engine that published it there (every mhero-server of a deployment shares one key), or replace it with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation>Il n&apos;y a pas de fichier de clé du moteur de synchronisation à l&apos;emplacement %1, mais la base de données attend la clé %2. Copiez-y le fichier de clé du moteur qui l&apos;a publiée (tous les mhero-server d&apos;un déploiement partagent la même clé), ou remplacez-la avec &quot;mhero-server --init-key --replace-key&quot; (tous les secrets des sources devront alors être saisis à nouveau).</translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1 and none is published yet: start mhero-server once (or run &quot;mhero-server --init-key&quot;).</source>
        <translation>Il n&apos;y a pas de fichier de clé du moteur de synchronisation à l&apos;emplacement %1 et aucune clé n&apos;est encore publiée&#xa0;: démarrez mhero-server une fois (ou exécutez &quot;mhero-server --init-key&quot;).</translation>
    </message>
    <message>
        <source>This is not a sealed secret.</source>
        <translation>Ce n&apos;est pas un secret scellé.</translation>
    </message>
    <message>
        <source>The secret cannot be opened with this engine&apos;s key.</source>
        <translation>Le secret ne peut pas être ouvert avec la clé de ce moteur.</translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>L&apos;adresse du serveur doit être une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>No sync engine key is published yet, so the secret cannot be sealed. Start mhero-server once (or run &quot;mhero-server --init-key&quot;) where the sync engine runs, then try again.</source>
        <translation>Aucune clé du moteur de synchronisation n&apos;est encore publiée, le secret ne peut donc pas être scellé. Démarrez mhero-server une fois (ou exécutez &quot;mhero-server --init-key&quot;) là où tourne le moteur de synchronisation, puis réessayez.</translation>
    </message>
    <message>
        <source>secrets stored before this version of mHero were not sealed.</source>
        <translation>les secrets enregistrés avant cette version de mHero n&apos;étaient pas scellés.</translation>
    </message>
    <message>
        <source>the source&apos;s URL changed after it was entered, so it is not sent anywhere.</source>
        <translation>l&apos;URL de la source a changé après la saisie du secret, qui n&apos;est donc envoyé nulle part.</translation>
    </message>
    <message>
        <source>the sync engine&apos;s key was replaced.</source>
        <translation>la clé du moteur de synchronisation a été remplacée.</translation>
    </message>
    <message>
        <source>it is not usable (%1).</source>
        <translation>il est inutilisable (%1).</translation>
    </message>
    <message>
        <source>This program has no sync engine key, so it cannot open the secret of source &quot;%1&quot;.</source>
        <translation>Ce programme n&apos;a pas de clé du moteur de synchronisation et ne peut donc pas ouvrir le secret de la source &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>it is sealed to another engine key (%1; this engine&apos;s key is %2).</source>
        <translation>il est scellé pour une autre clé de moteur (%1&#xa0;; la clé de ce moteur est %2).</translation>
    </message>
    <message>
        <source>its sealed text is not readable by this version.</source>
        <translation>son texte scellé n&apos;est pas lisible par cette version.</translation>
    </message>
    <message>
        <source>it was entered for another source.</source>
        <translation>il a été saisi pour une autre source.</translation>
    </message>
    <message>
        <source>it was entered for %1, but the source now points to %2; it is not sent there.</source>
        <translation>il a été saisi pour %1, mais la source pointe désormais vers %2&#xa0;; il n&apos;y est pas envoyé.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; has no secret: enter it with mhero-admin source secret %1.</source>
        <translation>La source &quot;%1&quot; n&apos;a pas de secret&#xa0;: saisissez-le avec mhero-admin source secret %1.</translation>
    </message>
</context>
<context>
    <name>mhero::settings</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Paramètre inconnu « %1 ».</translation>
    </message>
    <message>
        <source>Known settings: %1.</source>
        <translation>Paramètres connus : %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation>&quot;%1&quot; n&apos;est pas un code pays connu de libphonenumber (par exemple LR, SL, GN, ML, KE).</translation>
    </message>
    <message>
        <source>a country code (ISO 3166), e.g. LR</source>
        <translation>un code pays (ISO 3166), p. ex. LR</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>tentatives</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln seconde</numerusform>
            <numerusform>%Ln secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln tentative</numerusform>
            <numerusform>%Ln tentatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractère</numerusform>
            <numerusform>%Ln caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln octet)</numerusform>
            <numerusform>%1 (%Ln octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>Région téléphonique par défaut</translation>
    </message>
    <message>
        <source>The country whose local phone numbers (such as 0770 123 456) are read when a source gives no country code.</source>
        <translation>Le pays dont les numéros locaux (comme 0770 123 456) sont lus quand une source ne donne pas d&apos;indicatif.</translation>
    </message>
    <message>
        <source>Replies agents may send</source>
        <translation>Réponses permises aux agents</translation>
    </message>
    <message>
        <source>Whether agents may type replies of their own, or send approved templates only.</source>
        <translation>Si les agents peuvent écrire leurs propres réponses, ou n&apos;envoyer que des modèles approuvés.</translation>
    </message>
    <message>
        <source>Sending attempts</source>
        <translation>Tentatives d&apos;envoi</translation>
    </message>
    <message>
        <source>How many times a message is handed to its channel before it is marked as failed.</source>
        <translation>Combien de fois un message est remis à son canal avant d&apos;être marqué en échec.</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>Premier nouvel essai après</translation>
    </message>
    <message>
        <source>How long to wait before the second attempt; the wait doubles after each failure.</source>
        <translation>Délai avant la deuxième tentative ; il double après chaque échec.</translation>
    </message>
    <message>
        <source>Check an unanswered send after</source>
        <translation>Vérifier un envoi sans réponse après</translation>
    </message>
    <message>
        <source>How long to wait before asking the channel whether a message it gave no answer for was received, rather than sending it twice.</source>
        <translation>Délai avant de demander au canal si un message resté sans réponse a été reçu, plutôt que de l&apos;envoyer deux fois.</translation>
    </message>
    <message>
        <source>Sender&apos;s hold on a message</source>
        <translation>Réservation d&apos;un message par l&apos;expéditeur</translation>
    </message>
    <message>
        <source>How long a sender keeps a message it took from the outbox before another sender may take it over (when the first stopped half-way).</source>
        <translation>Combien de temps un expéditeur garde un message pris dans la file d&apos;envoi avant qu&apos;un autre puisse le reprendre (si le premier s&apos;est arrêté en route).</translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation>Attente maximale entre deux tentatives</translation>
    </message>
    <message>
        <source>The doubling wait between two attempts never grows beyond this.</source>
        <translation>L&apos;attente, qui double entre deux tentatives, ne dépasse jamais cette valeur.</translation>
    </message>
    <message>
        <source>Directory sync interval</source>
        <translation>Intervalle de synchronisation de l&apos;annuaire</translation>
    </message>
    <message>
        <source>How often the sync engine reads each directory source for changes.</source>
        <translation>À quelle fréquence le moteur de synchronisation relit chaque source d&apos;annuaire.</translation>
    </message>
    <message>
        <source>Longest template text</source>
        <translation>Texte de modèle le plus long</translation>
    </message>
    <message>
        <source>The most characters a template may have in any one language.</source>
        <translation>Le nombre maximal de caractères d&apos;un modèle, dans chaque langue.</translation>
    </message>
    <message>
        <source>Largest attachment kept</source>
        <translation>Plus grande pièce jointe conservée</translation>
    </message>
    <message>
        <source>Inbound attachments larger than this are not downloaded; agents see them listed as too large.</source>
        <translation>Les pièces jointes reçues plus grandes ne sont pas téléchargées ; les agents les voient signalées comme trop grandes.</translation>
    </message>
    <message>
        <source>Attachment download attempts</source>
        <translation>Tentatives de téléchargement des pièces jointes</translation>
    </message>
    <message>
        <source>How many times the sync engine tries to fetch an inbound attachment before it is marked as failed.</source>
        <translation>Combien de fois le moteur de synchronisation essaie de récupérer une pièce jointe reçue avant de la marquer en échec.</translation>
    </message>
    <message>
        <source>Approved templates only</source>
        <translation>Modèles approuvés uniquement</translation>
    </message>
    <message>
        <source>Approved templates and free text</source>
        <translation>Modèles approuvés et texte libre</translation>
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
        <translation>Il n&apos;y a pas de source nommée &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the URL changed</source>
        <translation>l&apos;URL a changé</translation>
    </message>
    <message>
        <source>stored before secrets were sealed</source>
        <translation>enregistré avant que les secrets ne soient scellés</translation>
    </message>
    <message>
        <source>the engine key was replaced</source>
        <translation>la clé du moteur a été remplacée</translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>L&apos;adresse du serveur doit être une URL http:// ou https://.</translation>
    </message>
</context>
<context>
    <name>mhero::sources</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>L&apos;adresse du serveur doit être une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation>&quot;%1&quot; n&apos;est pas un code pays connu de libphonenumber (par exemple LR, SL, GN, ML, KE).</translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists.</source>
        <translation>Une source nommée &quot;%1&quot; existe déjà.</translation>
    </message>
</context>
<context>
    <name>mhero::sql</name>
    <message>
        <source>Not connected to PostgreSQL.</source>
        <translation>Non connecté à PostgreSQL.</translation>
    </message>
    <message>
        <source>The query returned no rows.</source>
        <translation>La requête n&apos;a renvoyé aucune ligne.</translation>
    </message>
</context>
<context>
    <name>mhero::suggest</name>
    <message>
        <source>The library is not valid JSON: %1</source>
        <translation>La bibliothèque n&apos;est pas du JSON valide : %1</translation>
    </message>
    <message>
        <source>The library is not an mhero-templates export (&quot;format&quot;: &quot;mhero-templates&quot; and a &quot;templates&quot; list).</source>
        <translation>La bibliothèque n&apos;est pas un export mhero-templates (&quot;format&quot;: &quot;mhero-templates&quot; et une liste &quot;templates&quot;).</translation>
    </message>
    <message>
        <source>Template %1 of the library has no name or no body.</source>
        <translation>Le modèle %1 de la bibliothèque n&apos;a pas de nom ou pas de texte.</translation>
    </message>
    <message>
        <source>Line %1 of the questions has no tab between the question and the expected template.</source>
        <translation>La ligne %1 des questions n&apos;a pas de tabulation entre la question et le modèle attendu.</translation>
    </message>
    <message>
        <source>Line %1 of the questions expects &quot;%2&quot;, which the library does not have.</source>
        <translation>La ligne %1 des questions attend « %2 », que la bibliothèque n&apos;a pas.</translation>
    </message>
</context>
<context>
    <name>mhero::suggest::Lexicon</name>
    <message>
        <source>%1, line %2: expected a meaning name (lower-case letters, digits, _), a tab, then variants separated by |</source>
        <translation>%1, ligne %2 : attendu un nom de sens (minuscules, chiffres, _), une tabulation, puis des variantes séparées par |</translation>
    </message>
</context>
<context>
    <name>mhero::templates</name>
    <message>
        <source>Clinical guidance</source>
        <translation>Directives cliniques</translation>
    </message>
    <message>
        <source>HR / payroll</source>
        <translation>RH / paie</translation>
    </message>
    <message>
        <source>Outbreak alert</source>
        <translation>Alerte épidémique</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>No version</source>
        <translation>Aucune version</translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation>Ce modèle n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Template %1 (&quot;%2&quot;): %3</source>
        <translation>Modèle %1 (&quot;%2&quot;)&#xa0;: %3</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation>Le fichier n&apos;est pas du JSON valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file is not an mHero template export.</source>
        <translation>Le fichier n&apos;est pas un export de modèles mHero.</translation>
    </message>
    <message>
        <source>The file comes from a newer mHero version.</source>
        <translation>Le fichier provient d&apos;une version plus récente de mHero.</translation>
    </message>
    <message>
        <source>The placeholder {{%1}} is neither built in nor declared by this template version.</source>
        <translation>La variable {{%1}} n&apos;est ni prédéfinie ni déclarée dans cette version du modèle.</translation>
    </message>
    <message>
        <source>A placeholder has no name: write a name between the braces, like {{given_name}}.</source>
        <translation>Une variable n&apos;a pas de nom&#xa0;: écrivez un nom entre les accolades, comme {{given_name}}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid placeholder name: use lower-case letters, digits and &quot;_&quot;, starting with a letter, at most %2 characters.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de variable valide&#xa0;: utilisez des lettres minuscules, des chiffres et &quot;_&quot;, en commençant par une lettre, %2 caractères au maximum.</translation>
    </message>
    <message>
        <source>This &quot;{{&quot; is not closed by &quot;}}&quot; before the next &quot;{{&quot; or the end of the text.</source>
        <translation>Ce &quot;{{&quot; n&apos;est pas fermé par &quot;}}&quot; avant le &quot;{{&quot; suivant ou la fin du texte.</translation>
    </message>
    <message>
        <source>This &quot;}}&quot; has no &quot;{{&quot; before it.</source>
        <translation>Ce &quot;}}&quot; n&apos;est précédé d&apos;aucun &quot;{{&quot;.</translation>
    </message>
    <message>
        <source>A placeholder takes exactly two braces on each side, like {{given_name}}.</source>
        <translation>Une variable prend exactement deux accolades de chaque côté, comme {{given_name}}.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>Le texte est vide.</translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation>Le texte compte %1 caractères&#xa0;; la limite est de %2.</translation>
    </message>
</context>
<context>
    <name>mhero::ui</name>
    <message>
        <source>now</source>
        <translation>à l&apos;instant</translation>
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
        <translation>hier</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d&apos;une minute</translation>
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
        <translation>À propos de mHero Console</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>&lt;h2&gt;mHero Console&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Connects the national health-workforce registry with the messaging platforms health workers use, so the call center can answer every health worker with approved messages.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Signed in as:&lt;/td&gt;&lt;td&gt;%2 (%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Database:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;PostgreSQL:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schema version:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%7 on %8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;mHero Console&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Relie le registre national des personnels de santé aux plateformes de messagerie utilisées par les agents de santé, afin que le centre d&apos;appels puisse répondre à chaque agent de santé avec des messages approuvés.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Connecté en tant que&#xa0;:&lt;/td&gt;&lt;td&gt;%2 (%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Base de données&#xa0;:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;PostgreSQL&#xa0;:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Version du schéma&#xa0;:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt&#xa0;:&lt;/td&gt;&lt;td&gt;%7 sur %8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Submitted template versions, oldest first. ↑/↓ move · Ctrl+Enter approves · type a reason and press Enter to reject.</source>
        <translation>Versions de modèles soumises, les plus anciennes d&apos;abord. ↑/↓ pour se déplacer · Ctrl+Enter pour approuver · saisissez un motif et appuyez sur Entrée pour rejeter.</translation>
    </message>
    <message>
        <source>Reason for rejecting (required to reject)</source>
        <translation>Motif du rejet (obligatoire pour rejeter)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>Impossible de charger la file d&apos;attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 · v%2
by %3 · %4</source>
        <translation>%1 · v%2
par %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) waiting</source>
        <translation>
            <numerusform>%n version en attente</numerusform>
            <numerusform>%n versions en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to approve.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Rien à approuver.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · version %3 · written by %4, last edited by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · version %3 · rédigée par %4, dernière modification par %5</translation>
    </message>
    <message>
        <source>Placeholders the agent fills in: %1</source>
        <translation>Variables à compléter par l&apos;agent&#xa0;: %1</translation>
    </message>
    <message>
        <source>You wrote or edited this version: another supervisor must decide on it.</source>
        <translation>Vous avez rédigé ou modifié cette version&#xa0;: un autre superviseur doit statuer.</translation>
    </message>
    <message>
        <source>In use: version %1</source>
        <translation>En service&#xa0;: version %1</translation>
    </message>
    <message>
        <source>Submitted: version %1</source>
        <translation>Soumise&#xa0;: version %1</translation>
    </message>
    <message>
        <source>A first version: nothing is in use yet.</source>
        <translation>Première version&#xa0;: rien n&apos;est encore en service.</translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation>Saisissez le motif du rejet, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Approved &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; approuvé.</translation>
    </message>
    <message>
        <source>Rejected &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; rejeté.</translation>
    </message>
    <message>
        <source>Approve…  (Ctrl+Enter)</source>
        <translation>Approuver…  (Ctrl+Entrée)</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApproveDialog</name>
    <message>
        <source>Approve this version?</source>
        <translation>Approuver cette version ?</translation>
    </message>
    <message numerus="yes">
        <source>Approve &lt;b&gt;%1&lt;/b&gt;, version %2, in %n language(s): %3?</source>
        <translation>
            <numerusform>Approuver &lt;b&gt;%1&lt;/b&gt;, version %2, en %n langue : %3 ?</numerusform>
            <numerusform>Approuver &lt;b&gt;%1&lt;/b&gt;, version %2, en %n langues : %3 ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents will send this wording from now on, instead of version %1.</source>
        <translation>Les agents enverront désormais ce texte, à la place de la version %1.</translation>
    </message>
    <message>
        <source>Agents will be able to send this wording from now on.</source>
        <translation>Les agents pourront désormais envoyer ce texte.</translation>
    </message>
    <message>
        <source>%1 changed, while %2 stayed word for word as in version %3. Check that every language still says the same thing before approving.</source>
        <translation>%1 a changé, tandis que %2 est resté mot pour mot comme dans la version %3. Vérifiez que chaque langue dit toujours la même chose avant d&apos;approuver.</translation>
    </message>
    <message>
        <source>unchanged since version %1</source>
        <translation>inchangé depuis la version %1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogModel</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Version de modèle</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texte de modèle</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Credentials changed</source>
        <translation>Identifiants modifiés</translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Every change to users, settings, sources, templates and assignments, recorded by the database itself. Nobody can edit or delete it.</source>
        <translation>Chaque modification des utilisateurs, paramètres, sources, modèles et attributions, enregistrée par la base de données elle-même. Personne ne peut modifier ni supprimer ce journal.</translation>
    </message>
    <message>
        <source>Search by person, record or action…</source>
        <translation>Rechercher par personne, enregistrement ou action…</translation>
    </message>
    <message>
        <source>Select an entry to see the record before and after the change.</source>
        <translation>Sélectionnez une entrée pour voir l&apos;enregistrement avant et après la modification.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>%n entrée affichée</numerusform>
            <numerusform>%n entrées affichées</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — faites défiler pour en voir plus</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Impossible de charger le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Avant&#xa0;:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Après&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ComposerWidget</name>
    <message>
        <source>Stop using this template</source>
        <translation>Ne plus utiliser ce modèle</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Rédigez une réponse…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Modèle…</translation>
    </message>
    <message>
        <source>Choose an approved template (Ctrl+T)</source>
        <translation>Choisir un modèle approuvé (Ctrl+T)</translation>
    </message>
    <message>
        <source>Approved template</source>
        <translation>Modèle approuvé</translation>
    </message>
    <message>
        <source>Fill in the highlighted parts before sending: %1.</source>
        <translation>Complétez les parties surlignées avant l&apos;envoi&#xa0;: %1.</translation>
    </message>
    <message>
        <source>This deployment sends approved templates only — type / or press Ctrl+T to choose one. Notes for colleagues go under Notes, beside the thread.</source>
        <translation>Ce déploiement n’envoie que des modèles approuvés — tapez / ou Ctrl+T pour en choisir un. Les notes pour les collègues vont sous Notes, à côté de la conversation.</translation>
    </message>
    <message>
        <source>Do not send this file</source>
        <translation>Ne pas envoyer ce fichier</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Send a picture, a voice note or a PDF with the reply (or drop or paste it here)</source>
        <translation>Envoyer une image, un message vocal ou un PDF avec la réponse (ou le glisser-déposer ou le coller ici)</translation>
    </message>
    <message>
        <source>The pasted picture could not be read.</source>
        <translation>L&apos;image collée n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>pasted-picture.png</source>
        <translation>image-collee.png</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 is %2; %3 sends at most %4.</source>
        <translation>%1 fait %2&#xa0;; %3 envoie au maximum %4.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1-day</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>%1-hour</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template</source>
        <translation>Choisir un modèle WhatsApp approuvé</translation>
    </message>
    <message>
        <source>%1 refused the last reply: the %2 window has closed. Only approved %1 templates can be sent.</source>
        <translation>%1 a refusé la dernière réponse&#xa0;: la fenêtre de réponse de %2 est fermée. Seuls des modèles %1 approuvés peuvent être envoyés.</translation>
    </message>
    <message>
        <source>Replies free for %1</source>
        <translation>Réponses libres possibles pendant %1</translation>
    </message>
    <message>
        <source>Human agent reply — allowed until %1</source>
        <translation>Réponse d&apos;agent humain — autorisée jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>The %1 window has closed: only approved %2 templates can be sent</source>
        <translation>La fenêtre de réponse de %1 est fermée&#xa0;: seuls des modèles %2 approuvés peuvent être envoyés</translation>
    </message>
    <message>
        <source>The person has not written on %1 yet: only approved %1 templates can be sent</source>
        <translation>La personne n&apos;a pas encore écrit sur %1&#xa0;: seuls des modèles %1 approuvés peuvent être envoyés</translation>
    </message>
    <message>
        <source>%1 allows replies only within %2 days of the person&apos;s last message: nothing can be sent until they write again.</source>
        <translation>%1 n&apos;autorise les réponses que dans les %2 jours suivant le dernier message de la personne&#xa0;: rien ne peut être envoyé avant qu&apos;elle écrive de nouveau.</translation>
    </message>
    <message>
        <source>Outside the reply window only an approved template&apos;s words can be sent, without a file.</source>
        <translation>Hors de la fenêtre de réponse, seul le texte d&apos;un modèle approuvé peut être envoyé, sans fichier.</translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template (Ctrl+T)</source>
        <translation>Choisir un modèle WhatsApp approuvé (Ctrl+T)</translation>
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
        <translation>Contact inconnu — %1</translation>
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
        <translation>Par %1</translation>
    </message>
    <message>
        <source>Unknown contact %1</source>
        <translation>Contact inconnu %1</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>par %1</translation>
    </message>
    <message>
        <source>%1 unread</source>
        <translation>%1 non lu(s)</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sans agent</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>attribuée à %1</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ConversationsPage</name>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (inconnu)</translation>
    </message>
    <message>
        <source>↩ %1</source>
        <translation>↩ %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sans agent</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Attribuée à %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Nothing assigned to you.</source>
        <translation>Aucune conversation ne vous est attribuée.</translation>
    </message>
    <message>
        <source>No conversations here.</source>
        <translation>Aucune conversation ici.</translation>
    </message>
    <message>
        <source>Choose a conversation on the left.</source>
        <translation>Choisissez une conversation à gauche.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Prendre en charge</translation>
    </message>
    <message>
        <source>Take this conversation: it moves to your queue.</source>
        <translation>Prendre cette conversation&#xa0;: elle passe dans votre file d&apos;attente.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Hand the conversation back to the unassigned queue.</source>
        <translation>Remettre la conversation dans la file d&apos;attente des conversations sans agent.</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Attribuer à…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Released to the queue.</source>
        <translation>Remise dans la file d&apos;attente.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Résolue.</translation>
    </message>
    <message>
        <source>Reopened; it is yours.</source>
        <translation>Rouverte&#xa0;; elle vous est attribuée.</translation>
    </message>
    <message>
        <source>CONTACT</source>
        <translation>CONTACT</translation>
    </message>
    <message>
        <source>Link to a health worker…</source>
        <translation>Associer à un agent de santé…</translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation>Contact inconnu</translation>
    </message>
    <message>
        <source>reply window open until %1</source>
        <translation>fenêtre de réponse ouverte jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>reply window closed: templates only</source>
        <translation>fenêtre de réponse fermée&#xa0;: modèles uniquement</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Vous est attribuée</translation>
    </message>
    <message>
        <source>This person has opted out of messages (%1); nothing can be sent to them.</source>
        <translation>Cette personne s&apos;est désinscrite des messages (%1)&#xa0;; rien ne peut lui être envoyé.</translation>
    </message>
    <message>
        <source>This conversation is resolved. Reopen it to reply.</source>
        <translation>Cette conversation est résolue. Rouvrez-la pour répondre.</translation>
    </message>
    <message>
        <source>%1 has this conversation.</source>
        <translation>%1 s&apos;occupe de cette conversation.</translation>
    </message>
    <message>
        <source>Unknown contact (%1)</source>
        <translation>Contact inconnu (%1)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>This number is not in the directory. Link it to the health worker who writes from it, so their record and history follow the conversation.</source>
        <translation>Ce numéro ne figure pas dans l&apos;annuaire. Associez-le à l&apos;agent de santé qui écrit depuis ce numéro, afin que sa fiche et son historique suivent la conversation.</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Structure sanitaire</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Opted out (%1)</source>
        <translation>Désinscrit (%1)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Toutes ouvertes</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nouveau message de %1</translation>
    </message>
    <message>
        <source>%1 already has this conversation.</source>
        <translation>%1 s&apos;occupe déjà de cette conversation.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Attribuée à %1.</translation>
    </message>
    <message>
        <source>Sending again.</source>
        <translation>Nouvel envoi en cours.</translation>
    </message>
    <message>
        <source>Linked to the directory.</source>
        <translation>Associé à l&apos;annuaire.</translation>
    </message>
    <message>
        <source>This conversation is not visible to you (it may belong to another team).</source>
        <translation>Cette conversation ne vous est pas visible (elle appartient peut-être à une autre équipe).</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Pictures, audio, video and PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus *.mp4 *.pdf)</source>
        <translation>Images, audio, vidéo et PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus *.mp4 *.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages</source>
        <translation>Ce numéro ne peut pas recevoir de messages WhatsApp</translation>
    </message>
    <message>
        <source>Write by SMS</source>
        <translation>Écrire par SMS</translation>
    </message>
    <message>
        <source>Open a conversation with the same number by SMS</source>
        <translation>Ouvrir une conversation par SMS avec le même numéro</translation>
    </message>
    <message>
        <source>They wrote again: lift the opt-out</source>
        <translation>La personne a réécrit : lever la désinscription</translation>
    </message>
    <message>
        <source>Only when the person asked, in their own words after opting out, to receive messages again. Recorded in the audit log.</source>
        <translation>Seulement si la personne a demandé, avec ses propres mots après s&apos;être désinscrite, à recevoir de nouveau des messages. Inscrit au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>The opt-out is lifted: messages can be sent to this person again.</source>
        <translation>La désinscription est levée : des messages peuvent de nouveau être envoyés à cette personne.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>This number is not valid; the registry should correct it.</source>
        <translation>Ce numéro n&apos;est pas valide&#xa0;; le registre doit le corriger.</translation>
    </message>
    <message>
        <source>Similar spelling</source>
        <translation>Orthographe proche</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Structure sanitaire</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryPage</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Name, phone number (any format), identifier or facility…</source>
        <translation>Nom, numéro de téléphone (tout format), identifiant ou structure…</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Tous les districts</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Toutes les structures</translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation>Tous les cadres</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactifs</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Actifs et inactifs</translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation>Agents de santé</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Select a person to see their phones, roles and conversations.</source>
        <translation>Sélectionnez une personne pour voir ses téléphones, ses postes et ses conversations.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Filters unavailable: %1</source>
        <translation>Filtres indisponibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>No registry is connected yet.</source>
        <translation>Aucun registre n&apos;est encore connecté.</translation>
    </message>
    <message>
        <source>%1 · last synced %2</source>
        <translation>%1 · dernière synchronisation %2</translation>
    </message>
    <message>
        <source>last sync failed: %1</source>
        <translation>la dernière synchronisation a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation>Personne ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Nobody matches &quot;%1&quot;.</source>
        <translation>Personne ne correspond à &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) shown</source>
        <translation>
            <numerusform>%n personne affichée</numerusform>
            <numerusform>%n personnes affichées</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — faites défiler pour en voir plus</translation>
    </message>
    <message numerus="yes">
        <source>%n with a similar spelling (in italics)</source>
        <translation>
            <numerusform>%n à l&apos;orthographe proche (en italique)</numerusform>
            <numerusform>%n à l&apos;orthographe proche (en italique)</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>deleted from the registry</source>
        <translation>supprimé du registre</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>none on record</source>
        <translation>aucun enregistré</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Structure sanitaire</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>County / region</source>
        <translation>Comté / région</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Updated at source</source>
        <translation>Mis à jour à la source</translation>
    </message>
    <message>
        <source>Updated here</source>
        <translation>Mis à jour ici</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>(no job)</source>
        <translation>(sans poste)</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Recent conversations</source>
        <translation>Conversations récentes</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Aucune pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Open this person&apos;s conversation, or start one assigned to you (Ctrl+M)</source>
        <translation>Ouvrir la conversation de cette personne, ou en commencer une qui vous est attribuée (Ctrl+M)</translation>
    </message>
    <message numerus="yes">
        <source>syncing %1: %2, %Ln resource(s) read</source>
        <translation>
            <numerusform>synchronisation de %1 : %2, %Ln ressource lue</numerusform>
            <numerusform>synchronisation de %1 : %2, %Ln ressources lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>conversation</translation>
    </message>
    <message numerus="yes">
        <source>%n older note(s) in the person&apos;s conversations.</source>
        <translation>
            <numerusform>%n note plus ancienne dans les conversations de la personne.</numerusform>
            <numerusform>%n notes plus anciennes dans les conversations de la personne.</numerusform>
        </translation>
    </message>
    <message>
        <source>replied STOP</source>
        <translation>a répondu STOP</translation>
    </message>
    <message>
        <source>opted out on the messaging platform</source>
        <translation>désinscrit sur la plateforme de messagerie</translation>
    </message>
    <message>
        <source>opted out of messages</source>
        <translation>désinscrit des messages</translation>
    </message>
    <message>
        <source>opted out of messages since %1</source>
        <translation>désinscrit des messages depuis le %1</translation>
    </message>
</context>
<context>
    <name>mhero::ui::HomePage</name>
    <message>
        <source>Good morning, %1</source>
        <translation>Bonjour, %1</translation>
    </message>
    <message>
        <source>Good afternoon, %1</source>
        <translation>Bonjour, %1</translation>
    </message>
    <message>
        <source>Good evening, %1</source>
        <translation>Bonsoir, %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on %3 · PostgreSQL %4 · schema version %5</source>
        <translation>Connecté en tant que %1 (%2) sur %3 · PostgreSQL %4 · version du schéma %5</translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation>Agents de santé</translation>
    </message>
    <message>
        <source>Open conversations</source>
        <translation>Conversations ouvertes</translation>
    </message>
    <message>
        <source>Approved templates</source>
        <translation>Modèles approuvés</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Could not load the figures: %1</source>
        <translation>Impossible de charger les chiffres&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for an agent</source>
        <translation>
            <numerusform>%n en attente d&apos;un agent</numerusform>
            <numerusform>%n en attente d&apos;un agent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assigned to you</source>
        <translation>
            <numerusform>%n vous est attribuée</numerusform>
            <numerusform>%n vous sont attribuées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) awaiting approval</source>
        <translation>
            <numerusform>%n version en attente d&apos;approbation</numerusform>
            <numerusform>%n versions en attente d&apos;approbation</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on this computer · PostgreSQL %3 · schema version %4</source>
        <translation>Connecté en tant que %1 (%2) sur cet ordinateur · PostgreSQL %3 · version du schéma %4</translation>
    </message>
    <message>
        <source>active, in %1 and %2</source>
        <translation>en activité, dans %1 et %2</translation>
    </message>
    <message numerus="yes">
        <source>%n district(s)</source>
        <translation>
            <numerusform>%n district</numerusform>
            <numerusform>%n districts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facility(ies)</source>
        <translation>
            <numerusform>%n structure sanitaire</numerusform>
            <numerusform>%n structures sanitaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync; &quot;mhero-admin source list&quot; shows it.</source>
        <translation>
            <numerusform>%n source a signalé une erreur lors de la dernière synchronisation&#xa0;; &quot;mhero-admin source list&quot; la montre.</numerusform>
            <numerusform>%n sources ont signalé une erreur lors de la dernière synchronisation&#xa0;; &quot;mhero-admin source list&quot; les montre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inbound message(s) were set aside because mHero cannot store them (for example an address it does not know); &quot;mhero-admin source quarantine NAME&quot; lists them with the reason.</source>
        <translation>
            <numerusform>%n message entrant a été mis de côté car mHero ne peut pas l&apos;enregistrer (par exemple une adresse qu&apos;il ne connaît pas)&#xa0;; &quot;mhero-admin source quarantine NAME&quot; le liste avec la raison.</numerusform>
            <numerusform>%n messages entrants ont été mis de côté car mHero ne peut pas les enregistrer (par exemple une adresse qu&apos;il ne connaît pas)&#xa0;; &quot;mhero-admin source quarantine NAME&quot; les liste avec la raison.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync: new messages may arrive late and replies may wait. Please tell IT.</source>
        <translation>
            <numerusform>%n source a signalé une erreur lors de la dernière synchronisation&#xa0;: les nouveaux messages peuvent arriver en retard et les réponses attendre. Prévenez l&apos;informatique.</numerusform>
            <numerusform>%n sources ont signalé une erreur lors de la dernière synchronisation&#xa0;: les nouveaux messages peuvent arriver en retard et les réponses attendre. Prévenez l&apos;informatique.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::LinkContactDialog</name>
    <message>
        <source>Link to a health worker</source>
        <translation>Associer à un agent de santé</translation>
    </message>
    <message>
        <source>Who writes from %1? Search the directory by name, phone number or facility.</source>
        <translation>Qui écrit depuis %1&#xa0;? Recherchez dans l&apos;annuaire par nom, numéro de téléphone ou structure.</translation>
    </message>
    <message>
        <source>Name, phone number, facility…</source>
        <translation>Nom, numéro de téléphone, structure…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Associer</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>%1 — %2, %3 · %4</source>
        <translation>%1 — %2, %3 · %4</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Aucune personne trouvée.</translation>
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
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Connecté en tant que %1 sur %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About mHero Console</source>
        <translation>À &amp;propos de mHero Console</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>The connection to the database was lost. mHero reconnects by itself; what you see may be out of date until then. %1</source>
        <translation>La connexion à la base de données a été perdue. mHero se reconnecte automatiquement&#xa0;; d&apos;ici là, les informations affichées peuvent ne pas être à jour. %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Signed in as %1 on this computer</source>
        <translation>Connecté en tant que %1 sur cet ordinateur</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Conversations (%1)</source>
        <translation>Conversations (%1)</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Suggestion review</source>
        <translation>Revue des suggestions</translation>
    </message>
</context>
<context>
    <name>mhero::ui::MediaOpener</name>
    <message>
        <source>The attachment could not be read: %1</source>
        <translation>Impossible de lire la pièce jointe&#xa0;: %1</translation>
    </message>
    <message>
        <source>This attachment is not kept in mHero.</source>
        <translation>Cette pièce jointe n&apos;est pas conservée dans mHero.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>piece-jointe</translation>
    </message>
    <message>
        <source>The attachment could not be saved to open it: %1</source>
        <translation>Impossible d&apos;enregistrer la pièce jointe pour l&apos;ouvrir&#xa0;: %1</translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation>Aucun programme de cet ordinateur n&apos;ouvre les fichiers %1.</translation>
    </message>
    <message>
        <source>%1 files are not opened from a conversation: they could run a program on this computer.</source>
        <translation>Les fichiers %1 ne sont pas ouverts depuis une conversation&#xa0;: ils pourraient lancer un programme sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::NotesPanel</name>
    <message>
        <source>NOTES · NEVER SENT</source>
        <translation>NOTES · JAMAIS ENVOYÉES</translation>
    </message>
    <message>
        <source>Notes are for colleagues: they are never sent to the health worker.</source>
        <translation>Les notes sont pour les collègues : elles ne sont jamais envoyées à l’agent de santé.</translation>
    </message>
    <message>
        <source>Delete my note (Delete)</source>
        <translation>Supprimer ma note (Suppr)</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Aucune note pour l’instant.</translation>
    </message>
    <message>
        <source>Add a note for colleagues…</source>
        <translation>Ajouter une note pour les collègues…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>The notes could not be loaded: %1</source>
        <translation>Les notes n’ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>earlier conversation</source>
        <translation>conversation précédente</translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation>Écrite par %1.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>La note n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>The note was not deleted: %1</source>
        <translation>La note n’a pas été supprimée : %1</translation>
    </message>
    <message>
        <source>Edit my note (F2)</source>
        <translation>Modifier ma note (F2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>modifiée le %1</translation>
    </message>
    <message>
        <source>Your note. F2 edits it, Delete removes it.</source>
        <translation>Votre note. F2 la modifie, Suppr la supprime.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Enregistrer la note</translation>
    </message>
</context>
<context>
    <name>mhero::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The new language takes effect the next time mHero Console starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de mHero Console.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>This deployment&apos;s settings, shared by every console and the sync engine. The database checks each value and records each change in the audit log.</source>
        <translation>Les paramètres de ce déploiement, communs à toutes les consoles et au moteur de synchronisation. La base de données vérifie chaque valeur et inscrit chaque changement au journal d’audit.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Valeurs permises</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation>Les paramètres n’ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 vaut maintenant %2.</translation>
    </message>
    <message>
        <source>Allowed: %1 · key: %2</source>
        <translation>Permis : %1 · clé : %2</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SignInDialog</name>
    <message>
        <source>Sign in — mHero Console</source>
        <translation>Connexion — mHero Console</translation>
    </message>
    <message>
        <source>mHero Console</source>
        <translation>mHero Console</translation>
    </message>
    <message>
        <source>Sign in to the health worker call center.</source>
        <translation>Connectez-vous au centre d&apos;appels des agents de santé.</translation>
    </message>
    <message>
        <source>New server…</source>
        <translation>Nouveau serveur…</translation>
    </message>
    <message>
        <source>Add a shared PostgreSQL server that your IT department set up.</source>
        <translation>Ajouter un serveur PostgreSQL partagé configuré par votre service informatique.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Shared server</source>
        <translation>Serveur partagé</translation>
    </message>
    <message>
        <source>e.g. Ministry call center</source>
        <translation>p. ex. Centre d&apos;appels du ministère</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>db.health.gov or 10.0.0.5</source>
        <translation>db.health.gov ou 10.0.0.5</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Encrypted, certificate and host name verified</source>
        <translation>Chiffré, certificat et nom d&apos;hôte vérifiés</translation>
    </message>
    <message>
        <source>Encrypted, certificate verified</source>
        <translation>Chiffré, certificat vérifié</translation>
    </message>
    <message>
        <source>Encrypted, not verified</source>
        <translation>Chiffré, non vérifié</translation>
    </message>
    <message>
        <source>Encrypted if the server offers it</source>
        <translation>Chiffré si le serveur le propose</translation>
    </message>
    <message>
        <source>Not encrypted (trusted network only)</source>
        <translation>Non chiffré (réseau de confiance uniquement)</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>Sécur&amp;ité&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate authority file from IT (.crt, .pem)</source>
        <translation>Fichier de l&apos;autorité de certification fourni par le service informatique (.crt, .pem)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>votre nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember my password in this computer&apos;s keychain</source>
        <translation>&amp;Enregistrer mon mot de passe dans le trousseau de cet ordinateur</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>This computer (local database)</source>
        <translation>Cet ordinateur (base de données locale)</translation>
    </message>
    <message>
        <source>Uses the private database kept on this computer, in %1.</source>
        <translation>Utilise la base de données privée conservée sur cet ordinateur, dans %1.</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;, or choose a shared server.</source>
        <translation>Il n&apos;y a pas encore de base de données sur cet ordinateur. Demandez au service informatique d&apos;exécuter &quot;mhero-admin local init&quot;, ou choisissez un serveur partagé.</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Nouveau serveur</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name and database.</source>
        <translation>Saisissez le nom d&apos;hôte du serveur et la base de données.</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;.</source>
        <translation>Il n&apos;y a pas encore de base de données sur cet ordinateur. Demandez au service informatique d&apos;exécuter &quot;mhero-admin local init&quot;.</translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation>Démarrage de la base de données sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation>Vérification de votre compte…</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>Certifi&amp;cat de l&apos;AC&#xa0;:</translation>
    </message>
    <message>
        <source>Connecting to the database on this computer…</source>
        <translation>Connexion à la base de données de cet ordinateur…</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>The directories and messaging platforms the sync engine reads and sends through. IT adds and changes them (&quot;mhero-admin source&quot;); secrets never leave the server.</source>
        <translation>Les annuaires et plateformes de messagerie que le moteur de synchronisation lit et par lesquels il envoie. L&apos;informatique les ajoute et les modifie (« mhero-admin source ») ; les secrets ne quittent jamais le serveur.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>FHIR directory</source>
        <translation>Annuaire FHIR</translation>
    </message>
    <message>
        <source>Directory file</source>
        <translation>Fichier d&apos;annuaire</translation>
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
        <translation>Administrateurs uniquement</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>Sealed for the sync engine, sent only to %1</source>
        <translation>Scellé pour le moteur de synchronisation, envoyé seulement à %1</translation>
    </message>
    <message>
        <source>Must be entered again (%1)</source>
        <translation>À saisir de nouveau (%1)</translation>
    </message>
    <message>
        <source>The sources could not be loaded: %1</source>
        <translation>Les sources n&apos;ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Dernier succès : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionReviewPage</name>
    <message>
        <source>Suggestion review</source>
        <translation>Revue des suggestions</translation>
    </message>
    <message>
        <source>Questions agents answered with another template than the first suggestion, oldest first. Approving one makes it an example question of that template: the suggestions use it from their next load. The template&apos;s approved wording does not change.</source>
        <translation>Questions auxquelles les agents ont répondu avec un autre modèle que la première suggestion, des plus anciennes aux plus récentes. En approuver une en fait une question d&apos;exemple de ce modèle&#xa0;: les suggestions l&apos;utilisent dès leur prochain chargement. Le texte approuvé du modèle ne change pas.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Template chosen</source>
        <translation>Modèle choisi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Approve as example</source>
        <translation>Approuver comme exemple</translation>
    </message>
    <message>
        <source>Add to the lexicon</source>
        <translation>Ajouter au lexique</translation>
    </message>
    <message>
        <source>Words and phrases that mean the same to health workers, for every template. The concept is lower-case letters, digits and _ (or _stop for words to ignore); the variants are separated by |.</source>
        <translation>Mots et expressions qui veulent dire la même chose pour les agents de santé, pour tous les modèles. Le concept s&apos;écrit en minuscules, chiffres et _ (ou _stop pour les mots à ignorer)&#xa0;; les variantes sont séparées par |.</translation>
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
        <translation>Ajouter la ligne</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>The proposals could not be loaded: %1</source>
        <translation>Les propositions n&apos;ont pas pu être chargées&#xa0;: %1</translation>
    </message>
    <message>
        <source>No proposed example questions.</source>
        <translation>Aucune question d&apos;exemple proposée.</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) waiting</source>
        <translation>
            <numerusform>%n proposition en attente</numerusform>
            <numerusform>%n propositions en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; approved as an example of &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» approuvée comme exemple de «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; rejected.</source>
        <translation>«&#xa0;%1&#xa0;» rejetée.</translation>
    </message>
    <message>
        <source>Type a concept and its variants, separated by |.</source>
        <translation>Saisissez un concept et ses variantes, séparées par |.</translation>
    </message>
    <message>
        <source>Added to &quot;%1&quot;: the suggestions use it from their next load.</source>
        <translation>Ajouté à «&#xa0;%1&#xa0;»&#xa0;: les suggestions l&apos;utilisent dès leur prochain chargement.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionStrip</name>
    <message>
        <source>No suggestions: %1</source>
        <translation>Pas de suggestions : %1</translation>
    </message>
    <message>
        <source>Alt+%1  %2 (%3%)</source>
        <translation>Alt+%1  %2 (%3 %)</translation>
    </message>
    <message>
        <source>Put this approved answer in the composer</source>
        <translation>Mettre cette réponse approuvée dans la zone de réponse</translation>
    </message>
    <message>
        <source>No suggested answer for this message.</source>
        <translation>Aucune réponse suggérée pour ce message.</translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation>Suggestions :</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplateDiff</name>
    <message>
        <source>(no text)</source>
        <translation>(aucun texte)</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatePicker</name>
    <message>
        <source>Search approved templates by name, tag or text…</source>
        <translation>Rechercher des modèles approuvés par nom, étiquette ou texte…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No approved template matches.</source>
        <translation>Aucun modèle approuvé ne correspond.</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) · Enter to use, Esc to close</source>
        <translation>
            <numerusform>%n modèle · Entrée pour utiliser, Échap pour fermer</numerusform>
            <numerusform>%n modèles · Entrée pour utiliser, Échap pour fermer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n SMS part(s)</source>
        <translation>
            <numerusform>%1 · %n segment SMS</numerusform>
            <numerusform>%1 · %n segments SMS</numerusform>
        </translation>
    </message>
    <message>
        <source>To fill in before sending: %1</source>
        <translation>À compléter avant l&apos;envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>No template approved by WhatsApp for this number matches.</source>
        <translation>Aucun modèle approuvé par WhatsApp pour ce numéro ne correspond.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesModel</name>
    <message>
        <source>An earlier approved version is in use.</source>
        <translation>Une version approuvée antérieure est en service.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (approved in use)</source>
        <translation>%1 (version approuvée en service)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Name, tag or text…</source>
        <translation>Nom, étiquette ou texte…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. salary, payroll</source>
        <translation>Séparées par des virgules, p. ex. salaire, paie</translation>
    </message>
    <message>
        <source>Names the agent fills in, e.g. code, deadline</source>
        <translation>Noms que l&apos;agent complète, p. ex. code, date_limite</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Free placeholders</source>
        <translation>Variables libres</translation>
    </message>
    <message>
        <source>Wording in this language, with placeholders such as {{given_name}}</source>
        <translation>Libellé dans cette langue, avec des variables comme {{given_name}}</translation>
    </message>
    <message>
        <source>GSM-7: 160 characters in one SMS, 153 per part when split; UCS-2 (any character outside GSM-7, e.g. an emoji): 70 and 67.</source>
        <translation>GSM-7&#xa0;: 160 caractères dans un SMS, 153 par segment en cas de découpage&#xa0;; UCS-2 (tout caractère hors GSM-7, p. ex. un émoji)&#xa0;: 70 et 67.</translation>
    </message>
    <message>
        <source>Preview for a sample health worker (Musu Kollie, Certified Midwife, Phebe Hospital):</source>
        <translation>Aperçu pour un agent de santé fictif (Musu Kollie, Certified Midwife, Phebe Hospital)&#xa0;:</translation>
    </message>
    <message>
        <source>Example questions (one per line; used to suggest this template):</source>
        <translation>Exemples de questions (une par ligne&#xa0;; servent à suggérer ce modèle)&#xa0;:</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Soumettre pour approbation</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation>Impossible de charger les modèles&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n modèle</numerusform>
            <numerusform>%n modèles</numerusform>
        </translation>
    </message>
    <message>
        <source>New template: write at least one language, save it as a draft, then submit it for approval by another supervisor.</source>
        <translation>Nouveau modèle&#xa0;: rédigez au moins une langue, enregistrez-le comme brouillon, puis soumettez-le à l&apos;approbation d&apos;un autre superviseur.</translation>
    </message>
    <message>
        <source>Select a template to read it.</source>
        <translation>Sélectionnez un modèle pour le consulter.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · written by %3, last edited by %4</source>
        <translation>Version %1 · %2 · rédigée par %3, dernière modification par %4</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>décision de %1</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>Motif indiqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saving creates a new draft version; this one stays as it is.</source>
        <translation>L&apos;enregistrement crée une nouvelle version brouillon&#xa0;; celle-ci reste inchangée.</translation>
    </message>
    <message>
        <source>No version yet.</source>
        <translation>Aucune version pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>Version %1 (%2)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>Caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>No text in this language.</source>
        <translation>Aucun texte dans cette langue.</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · for the sample %2 → %n SMS part(s), %3</source>
        <translation>
            <numerusform>%1 caractères · pour l&apos;exemple %2 → %n segment SMS, %3</numerusform>
            <numerusform>%1 caractères · pour l&apos;exemple %2 → %n segments SMS, %3</numerusform>
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
        <translation>Soumission…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Submitted: another supervisor can now approve it on the Approvals page.</source>
        <translation>Soumis&#xa0;: un autre superviseur peut maintenant l&apos;approuver dans la page Approbations.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Brouillon enregistré.</translation>
    </message>
    <message>
        <source>Name, e.g. salary_paid_notice</source>
        <translation>Nom, p. ex. salary_paid_notice</translation>
    </message>
    <message>
        <source>Language, e.g. en_US</source>
        <translation>Langue, p. ex. fr</translation>
    </message>
    <message>
        <source>The WhatsApp template Meta approved for this wording, and its language code. Leave both empty when there is none.</source>
        <translation>Le modèle WhatsApp approuvé par Meta pour ce texte, et son code de langue. Laissez les deux vides s’il n’y en a pas.</translation>
    </message>
    <message>
        <source>WhatsApp template</source>
        <translation>Modèle WhatsApp</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Withdraw wording that must no longer be sent</source>
        <translation>Retirer un texte qui ne doit plus être envoyé</translation>
    </message>
    <message>
        <source>Retire the approved version…</source>
        <translation>Retirer la version approuvée…</translation>
    </message>
    <message>
        <source>Retire the whole template…</source>
        <translation>Retirer tout le modèle…</translation>
    </message>
    <message>
        <source>This template is retired: it can no longer be sent or edited.</source>
        <translation>Ce modèle est retiré : il ne peut plus être envoyé ni modifié.</translation>
    </message>
    <message>
        <source>Retire the template &quot;%1&quot;? Agents can no longer send any of its versions, and it cannot be edited again. Its history is kept.</source>
        <translation>Retirer le modèle « %1 » ? Les agents ne pourront plus envoyer aucune de ses versions et il ne pourra plus être modifié. Son historique est conservé.</translation>
    </message>
    <message>
        <source>Retire version %1 of &quot;%2&quot;? Agents can no longer send it; a newer version can still be approved.</source>
        <translation>Retirer la version %1 de « %2 » ? Les agents ne pourront plus l’envoyer ; une version plus récente peut encore être approuvée.</translation>
    </message>
    <message>
        <source>Retiring…</source>
        <translation>Retrait…</translation>
    </message>
    <message>
        <source>Not retired: %1</source>
        <translation>Non retiré : %1</translation>
    </message>
    <message>
        <source>Retired: agents can no longer send it.</source>
        <translation>Retiré : les agents ne peuvent plus l’envoyer.</translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and is still waiting for approval.</source>
        <translation>Enregistré. La version %1 n&apos;a pas changé et attend toujours son approbation.</translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and stays approved.</source>
        <translation>Enregistré. La version %1 n&apos;a pas changé et reste approuvée.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadDelegate</name>
    <message>
        <source>Not sent.</source>
        <translation>Non envoyé.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Voice note</source>
        <translation>Message vocal</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>File (%1)</source>
        <translation>Fichier (%1)</translation>
    </message>
    <message>
        <source>Loading picture…</source>
        <translation>Chargement de l&apos;image…</translation>
    </message>
    <message>
        <source>⏳ %1 — being fetched…</source>
        <translation>⏳ %1 — récupération en cours…</translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched.</source>
        <translation>⚠ Impossible de récupérer %1.</translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched: %2</source>
        <translation>⚠ Impossible de récupérer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>⚠ %1 — too large to keep; open it on the messaging platform.</source>
        <translation>⚠ %1 — fichier trop volumineux pour être conservé&#xa0;; ouvrez-le sur la plateforme de messagerie.</translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadModel</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation>dddd d MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Rédigé le %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Envoyé le %1</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Remis le %1</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Lu le %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>Échec le %1</translation>
    </message>
    <message>
        <source>Unsupported message (%1): mHero cannot show it; open it on the messaging platform.</source>
        <translation>Message non pris en charge (%1)&#xa0;: mHero ne peut pas l&apos;afficher&#xa0;; ouvrez-le sur la plateforme de messagerie.</translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off. It goes when the channel is switched on again.</source>
        <translation>Pas encore envoyé : le canal est désactivé. Le message partira quand le canal sera réactivé.</translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off (%1). It goes when the channel is switched on again.</source>
        <translation>Pas encore envoyé : le canal est désactivé (%1). Le message partira quand le canal sera réactivé.</translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Prochain essai à %1.</translation>
    </message>
    <message>
        <source>Trying again now.</source>
        <translation>Nouvel essai en cours.</translation>
    </message>
    <message>
        <source>Not sent yet: attempts so far: %1; last error: %2. %3</source>
        <translation>Pas encore envoyé : tentatives jusqu&apos;ici : %1 ; dernière erreur : %2. %3</translation>
    </message>
    <message>
        <source>Not sent yet: waiting for the platform. Next try at %1.</source>
        <translation>Pas encore envoyé : en attente de la plateforme. Prochain essai à %1.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Being sent (attempt %1)</source>
        <translation>Envoi en cours (tentative %1)</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Reply, %1</source>
        <translation>Réponse, %1</translation>
    </message>
    <message>
        <source>Reply by %1, %2</source>
        <translation>Réponse de %1, %2</translation>
    </message>
    <message>
        <source>Message received %1</source>
        <translation>Message reçu %1</translation>
    </message>
    <message>
        <source>Attempts so far: %1</source>
        <translation>Tentatives jusqu&apos;ici : %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
    <message>
        <source>The channel is switched off (%1).</source>
        <translation>Le canal est désactivé (%1).</translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation>Prochain essai : %1</translation>
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
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Everyone who may sign in, with their role. Accounts are created and deactivated by IT (&quot;mhero-admin user&quot;); every change is in the audit log.</source>
        <translation>Toutes les personnes qui peuvent se connecter, avec leur rôle. Les comptes sont créés et désactivés par l&apos;informatique (« mhero-admin user ») ; chaque changement figure dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>The users could not be loaded: %1</source>
        <translation>Les utilisateurs n&apos;ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilisateur</numerusform>
            <numerusform>%n utilisateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n actif</numerusform>
            <numerusform>%n actifs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::users</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not compute the password verifier.</source>
        <translation>Impossible de calculer le vérificateur du mot de passe.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>Le mot de passe doit comporter au moins 8 caractères.</translation>
    </message>
</context>
</TS>
