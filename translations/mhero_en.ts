<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mhero::Connection</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; does not exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept this user from this computer. Ask IT to check the server&apos;s access rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the database server at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ConnectionSettings</name>
    <message>
        <source>Invalid connection string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid port number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::DatabaseWorker</name>
    <message>
        <source>The PostgreSQL driver for Qt (QPSQL) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server (%1). Retrying in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::LocalCluster</name>
    <message>
        <source>PostgreSQL server programs (initdb, pg_ctl) were not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) or set MHERO_PG_BINDIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local database already exists in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be reached by the user &quot;%2&quot; that PostgreSQL runs as (it refuses to run as root).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder outside root&apos;s home, for example with MHERO_LOCAL_DB=/var/lib/mhero/local-db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no local database in %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it with &quot;mhero-admin local init&quot; (scripts/demo does this).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database server did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the local database&apos;s administrator password (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MHERO_PG_BINDIR (%1) does not contain initdb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL cannot run as root, and the system user &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the postgresql package, or set MHERO_PG_RUN_AS to another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the user &quot;%2&quot; the owner of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::Migrator</name>
    <message>
        <source>This database has no mHero schema yet. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Install the newer mHero release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database uses schema version %1, but this program knows only up to version %2. Use the newer mhero-admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) differs from the one applied to this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shipped migration must never be edited; add a new one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database uses schema version %1; this program needs version %2. An administrator must run &quot;mhero-admin migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::UserProfile</name>
    <message>
        <source>Administrator and supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not an active mHero user. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no access to mHero. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::channels</name>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not give the attachment: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::channels::ChannelStore</name>
    <message>
        <source>message %1: control characters or broken characters removed from its text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unusable address &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::channels::MediaFetcher</name>
    <message>
        <source>%1 gave no link for the attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger than %1 MB: not kept; open it on the messaging platform.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxSender</name>
    <message>
        <source>Not sent: this person has opted out (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check whether an earlier attempt arrived: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment of this message is missing from the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::channels::OutboxStore</name>
    <message>
        <source>The messaging platform accepted the message but will not deliver it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 may or may not have accepted it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text no longer follows the template&apos;s wording, so it cannot go as the approved WhatsApp template %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot go as the WhatsApp template %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::fhir</name>
    <message>
        <source>the field &quot;%1&quot; is longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no valid id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a given name is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DELETE entry has no usable request.url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry has no resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a page larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a page that is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a page nested deeper than %1 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a %1 where a Bundle was expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page&apos;s next link is not an absolute URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Bundle is malformed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Bundle&apos;s entries are not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 lists %3 more phone numbers than the %4 kept; the rest were ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is nested deeper than %1 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds a %1, not a FHIR Bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no entries; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds %1 entries, and none of them could be used; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source &quot;%1&quot; is a live %2 source; import files under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This authentication method needs a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no FHIR source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirClient</name>
    <message>
        <source>The server sent a link to another server; it is not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent more than %1 MB for one page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR server refused the credentials (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR server could not be reached: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Gave up after %n attempt.</numerusform>
            <numerusform>Gave up after %n attempts.</numerusform>
        </translation>
    </message>
    <message>
        <source>The credentials were entered for %1; they are not sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR server redirected to %1; the redirect is not followed (credentials go only to the server they were entered for).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::fhir::FhirSync</name>
    <message>
        <source>The sync of %1 stopped after %2 pages, the most one run may read (max_pages_per_run of the source); the next run continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer %2/_history, so deleted %2 resources are not detected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a next link back to a page already read; the sync stopped so that it cannot loop. The FHIR server (or a proxy in front of it) needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::messaging</name>
    <message>
        <source>%1 has this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has opted out of messages; nothing can be sent to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment sends approved templates only: choose a template (Ctrl+T).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has a newer open conversation; continue there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer the claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has no valid phone number to write to; correct it in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messaging channel is set up (or several are): ask IT to connect one RapidPro workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note holds at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the note&apos;s author can delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the note&apos;s author can change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This channel cannot send this kind of file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for this channel (at most %1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SMS channel is set up: ask IT to connect a RapidPro workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is not with a WhatsApp number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::messaging::MediaRules</name>
    <message>
        <source>This channel cannot send attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot send this kind of file (%2). It can send: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1; %2 sends at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::meta</name>
    <message>
        <source>a template update mHero cannot read (%1, %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source %1 does not take webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs three secrets: the access token, the app secret and the webhook verify token, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number id and the WhatsApp Business Account id are numbers, as Meta&apos;s WhatsApp Manager shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Page id is a number, as the Page&apos;s settings show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no WhatsApp or Messenger source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook body is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook body is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is not for this kind of channel (object &quot;%1&quot;, expected &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook has no list of entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message without a usable id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 has no usable timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1: a %2 without a media id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a status without a usable message id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status &quot;%1&quot; of %2 is not one mHero follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1, change %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a template update without name, language or event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, message %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, status %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1, event %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable sender id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a read receipt without a watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event mHero does not store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message without a usable id or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages for WhatsApp number %1, which is no source&apos;s: left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a template update for WhatsApp Business Account %1, which is no source&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events for Facebook Page %1, which is no source&apos;s: left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the person last wrote: only an approved WhatsApp template can reach them now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages (not on WhatsApp, or an old app): try SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many messages to this person in a short time; it will be sent again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp&apos;s sending rate for this number was reached; sending resumes shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhatsApp template takes a different number of values than were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp has no approved template of this name in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhatsApp template is paused (too many people blocked or reported it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhatsApp template is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value of the template is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused a value of the message as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the access token (expired or revoked): IT must enter a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not available on Messenger right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger allows replies only within 24 hours of the person&apos;s last message (7 days for a human agent&apos;s reply).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger knows no such person for this Page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may or may not have accepted it (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::meta::GraphAdapter</name>
    <message>
        <source>%1 asked to slow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the message was sent; the rest was not (%1). It will be sent again, and the person may see the first part twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered without a message id: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::meta::MessengerAdapter</name>
    <message>
        <source>%1 is not a Messenger address (facebook: and the person&apos;s page-scoped id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger takes at most 2,000 characters in a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger accepted the file but gave no attachment id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger gave no usable link for the attachment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::meta::MetaSync</name>
    <message>
        <source>WhatsApp&apos;s template list could not be read (no &quot;data&quot; list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp&apos;s template list went on past %1 pages; it was not taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::meta::WhatsAppAdapter</name>
    <message>
        <source>%1 is not a WhatsApp address (whatsapp: and the number&apos;s digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp accepted the file but gave no media id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp gave no usable media id for the attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp could not give the attachment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp pointed the attachment at %1, which is not Meta&apos;s; the access token is not sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment WhatsApp gave does not match its checksum; it will be fetched again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::net</name>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::net::HttpClient</name>
    <message>
        <source>The access token was entered for %1; it is not sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected to %2, another server; the access token is not sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was larger than %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the access token (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s).</source>
        <translation>
            <numerusform>Gave up after %n attempt.</numerusform>
            <numerusform>Gave up after %n attempts.</numerusform>
        </translation>
    </message>
    <message>
        <source>The attachment is kept at %1, which is neither %2&apos;s server nor https; it is not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::phone</name>
    <message>
        <source>The number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number contains characters that are not digits or separators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number has no country code and the source has no default region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is not a valid phone number for its country.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro</name>
    <message>
        <source>RapidPro sent a reply that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro sent a reply that is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro sent a page without a results list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro sent an unusable next link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message without uuid or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message with a malformed uuid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 has no direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 has no readable created_on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact without uuid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro answered with an unreadable broadcast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A RapidPro source needs an API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no RapidPro source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProAdapter</name>
    <message>
        <source>RapidPro did not send it: the contact is blocked, stopped or archived there, or has no usable address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro accepted the message but its answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro refused the API token (HTTP %1); an administrator must update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro refused the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro sent a next link back to a page already read; the poll stopped so that it cannot loop. The RapidPro server (or a proxy in front of it) needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll stopped after %1 pages, the most one run may read (max_pages_per_run of the source); it starts again from the same point next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro could not deliver it (the channel or the number failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro took the attachment but its answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro refused the attachment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro did not take the attachment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro gave no usable link for the attachment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::rapidpro::RapidProClient</name>
    <message>
        <source>RapidPro sent a link to another server; it is not followed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::secrets</name>
    <message>
        <source>The secret of source &quot;%1&quot; must be entered again (mhero-admin source secret %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync engine key file %1 can be read by other accounts; make it readable only by the sync engine&apos;s account (chmod 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the sync engine key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sync engine key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the sync engine key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the sync engine key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync engine key published in the database is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sync engine&apos;s key (%1, in %2) is not the key published in the database (%3). Copy the key file of the engine that published %3 to %2, or replace the published key with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1, but the database expects the key %2. Copy the key file of the engine that published it there (every mhero-server of a deployment shares one key), or replace it with &quot;mhero-server --init-key --replace-key&quot; (every source secret must then be entered again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sync engine key file at %1 and none is published yet: start mhero-server once (or run &quot;mhero-server --init-key&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a sealed secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret cannot be opened with this engine&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync engine key is published yet, so the secret cannot be sealed. Start mhero-server once (or run &quot;mhero-server --init-key&quot;) where the sync engine runs, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets stored before this version of mHero were not sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source&apos;s URL changed after it was entered, so it is not sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync engine&apos;s key was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not usable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program has no sync engine key, so it cannot open the secret of source &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is sealed to another engine key (%1; this engine&apos;s key is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its sealed text is not readable by this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was entered for another source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was entered for %1, but the source now points to %2; it is not sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; has no secret: enter it with mhero-admin source secret %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::settings</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known settings: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a country code (ISO 3166), e.g. LR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
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
            <numerusform>%Ln attempt</numerusform>
            <numerusform>%Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country whose local phone numbers (such as 0770 123 456) are read when a source gives no country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies agents may send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether agents may type replies of their own, or send approved templates only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a message is handed to its channel before it is marked as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait before the second attempt; the wait doubles after each failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check an unanswered send after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait before asking the channel whether a message it gave no answer for was received, rather than sending it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender&apos;s hold on a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a sender keeps a message it took from the outbox before another sender may take it over (when the first stopped half-way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The doubling wait between two attempts never grows beyond this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory sync interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the sync engine reads each directory source for changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest template text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most characters a template may have in any one language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest attachment kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound attachments larger than this are not downloaded; agents see them listed as too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment download attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the sync engine tries to fetch an inbound attachment before it is marked as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved templates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved templates and free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a range and its unit: 1–100 attempts</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::sourceadmin</name>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored before secrets were sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine key was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::sources</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A source named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::sql</name>
    <message>
        <source>Not connected to PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query returned no rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::suggest</name>
    <message>
        <source>The library is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library is not an mhero-templates export (&quot;format&quot;: &quot;mhero-templates&quot; and a &quot;templates&quot; list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template %1 of the library has no name or no body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of the questions has no tab between the question and the expected template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of the questions expects &quot;%2&quot;, which the library does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::suggest::Lexicon</name>
    <message>
        <source>%1, line %2: expected a meaning name (lower-case letters, digits, _), a tab, then variants separated by |</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::templates</name>
    <message>
        <source>Clinical guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR / payroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbreak alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template %1 (&quot;%2&quot;): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an mHero template export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file comes from a newer mHero version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The placeholder {{%1}} is neither built in nor declared by this template version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A placeholder has no name: write a name between the braces, like {{given_name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid placeholder name: use lower-case letters, digits and &quot;_&quot;, starting with a letter, at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &quot;{{&quot; is not closed by &quot;}}&quot; before the next &quot;{{&quot; or the end of the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &quot;}}&quot; has no &quot;{{&quot; before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A placeholder takes exactly two braces on each side, like {{given_name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has %1 characters; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui</name>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::AboutDialog</name>
    <message>
        <source>About mHero Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;mHero Console&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Connects the national health-workforce registry with the messaging platforms health workers use, so the call center can answer every health worker with approved messages.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Signed in as:&lt;/td&gt;&lt;td&gt;%2 (%3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Database:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;PostgreSQL:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schema version:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%7 on %8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted template versions, oldest first. ↑/↓ move · Ctrl+Enter approves · type a reason and press Enter to reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting (required to reject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · v%2
by %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) waiting</source>
        <translation>
            <numerusform>%n version waiting</numerusform>
            <numerusform>%n versions waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to approve.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · version %3 · written by %4, last edited by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders the agent fills in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote or edited this version: another supervisor must decide on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A first version: nothing is in use yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve…  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ApproveDialog</name>
    <message>
        <source>Approve this version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approve &lt;b&gt;%1&lt;/b&gt;, version %2, in %n language(s): %3?</source>
        <translation>
            <numerusform>Approve &lt;b&gt;%1&lt;/b&gt;, version %2, in %n language: %3?</numerusform>
            <numerusform>Approve &lt;b&gt;%1&lt;/b&gt;, version %2, in %n languages: %3?</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents will send this wording from now on, instead of version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents will be able to send this wording from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed, while %2 stayed word for word as in version %3. Check that every language still says the same thing before approving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged since version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogModel</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change to users, settings, sources, templates and assignments, recorded by the database itself. Nobody can edit or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by person, record or action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to see the record before and after the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ComposerWidget</name>
    <message>
        <source>Stop using this template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an approved template (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the highlighted parts before sending: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment sends approved templates only — type / or press Ctrl+T to choose one. Notes for colleagues go under Notes, beside the thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a picture, a voice note or a PDF with the reply (or drop or paste it here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted picture could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted-picture.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; %3 sends at most %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the last reply: the %2 window has closed. Only approved %1 templates can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies free for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human agent reply — allowed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 window has closed: only approved %2 templates can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person has not written on %1 yet: only approved %1 templates can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows replies only within %2 days of the person&apos;s last message: nothing can be sent until they write again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the reply window only an approved template&apos;s words can be sent, without a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an approved WhatsApp template (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ConversationListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ConversationsPage</name>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↩ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a conversation on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this conversation: it moves to your queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the conversation back to the unassigned queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened; it is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTACT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to a health worker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply window open until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply window closed: templates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has opted out of messages (%1); nothing can be sent to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is resolved. Reopen it to reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is not in the directory. Link it to the health worker who writes from it, so their record and history follow the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is not visible to you (it may belong to another team).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures, audio, video and PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus *.mp4 *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number cannot receive WhatsApp messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a conversation with the same number by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They wrote again: lift the opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when the person asked, in their own words after opting out, to receive messages again. Recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opt-out is lifted: messages can be sent to this person again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is not valid; the registry should correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::DirectoryPage</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone number (any format), identifier or facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cadres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person to see their phones, roles and conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registry is connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · last synced %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) shown</source>
        <translation>
            <numerusform>%n person shown</numerusform>
            <numerusform>%n people shown</numerusform>
        </translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n with a similar spelling (in italics)</source>
        <translation>
            <numerusform>%n with a similar spelling (in italics)</numerusform>
            <numerusform>%n with a similar spelling (in italics)</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted from the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County / region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this person&apos;s conversation, or start one assigned to you (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>syncing %1: %2, %Ln resource(s) read</source>
        <translation>
            <numerusform>syncing %1: %2, %Ln resource read</numerusform>
            <numerusform>syncing %1: %2, %Ln resources read</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older note(s) in the person&apos;s conversations.</source>
        <translation>
            <numerusform>%n older note in the person&apos;s conversations.</numerusform>
            <numerusform>%n older notes in the person&apos;s conversations.</numerusform>
        </translation>
    </message>
    <message>
        <source>replied STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out on the messaging platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out of messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out of messages since %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::HomePage</name>
    <message>
        <source>Good morning, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good afternoon, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good evening, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on %3 · PostgreSQL %4 · schema version %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for an agent</source>
        <translation>
            <numerusform>%n waiting for an agent</numerusform>
            <numerusform>%n waiting for an agent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assigned to you</source>
        <translation>
            <numerusform>%n assigned to you</numerusform>
            <numerusform>%n assigned to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) awaiting approval</source>
        <translation>
            <numerusform>%n version awaiting approval</numerusform>
            <numerusform>%n versions awaiting approval</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on this computer · PostgreSQL %3 · schema version %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active, in %1 and %2</source>
        <translation type="unfinished"></translation>
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
            <numerusform>%n facility</numerusform>
            <numerusform>%n facilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync; &quot;mhero-admin source list&quot; shows it.</source>
        <translation>
            <numerusform>%n source reported an error on the last sync; &quot;mhero-admin source list&quot; shows it.</numerusform>
            <numerusform>%n sources reported an error on the last sync; &quot;mhero-admin source list&quot; shows them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inbound message(s) were set aside because mHero cannot store them (for example an address it does not know); &quot;mhero-admin source quarantine NAME&quot; lists them with the reason.</source>
        <translation>
            <numerusform>%n inbound message was set aside because mHero cannot store it (for example an address it does not know); &quot;mhero-admin source quarantine NAME&quot; lists it with the reason.</numerusform>
            <numerusform>%n inbound messages were set aside because mHero cannot store them (for example an address it does not know); &quot;mhero-admin source quarantine NAME&quot; lists them with the reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) reported an error on the last sync: new messages may arrive late and replies may wait. Please tell IT.</source>
        <translation>
            <numerusform>%n source reported an error on the last sync: new messages may arrive late and replies may wait. Please tell IT.</numerusform>
            <numerusform>%n sources reported an error on the last sync: new messages may arrive late and replies may wait. Please tell IT.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::LinkContactDialog</name>
    <message>
        <source>Link to a health worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who writes from %1? Search the directory by name, phone number or facility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone number, facility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::MainWindow</name>
    <message>
        <source>mHero Console — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About mHero Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost. mHero reconnects by itself; what you see may be out of date until then. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::MediaOpener</name>
    <message>
        <source>The attachment could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attachment is not kept in mHero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be saved to open it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files are not opened from a conversation: they could run a program on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::NotesPanel</name>
    <message>
        <source>NOTES · NEVER SENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are for colleagues: they are never sent to the health worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my note (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note for colleagues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit my note (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note. F2 edits it, Delete removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect the next time mHero Console starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment&apos;s settings, shared by every console and the sync engine. The database checks each value and records each change in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: %1 · key: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::SignInDialog</name>
    <message>
        <source>Sign in — mHero Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mHero Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the health worker call center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a shared PostgreSQL server that your IT department set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Ministry call center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db.health.gov or 10.0.0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, certificate and host name verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, certificate verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted if the server offers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted (trusted network only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority file from IT (.crt, .pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember my password in this computer&apos;s keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer (local database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the private database kept on this computer, in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;, or choose a shared server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name and database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Ask IT to run &quot;mhero-admin local init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the database on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directories and messaging platforms the sync engine reads and sends through. IT adds and changes them (&quot;mhero-admin source&quot;); secrets never leave the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidPro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed for the sync engine, sent only to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be entered again (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sources could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation type="unfinished"></translation>
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
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionReviewPage</name>
    <message>
        <source>Suggestion review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions agents answered with another template than the first suggestion, oldest first. Approving one makes it an example question of that template: the suggestions use it from their next load. The template&apos;s approved wording does not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve as example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the lexicon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words and phrases that mean the same to health workers, for every template. The concept is lower-case letters, digits and _ (or _stop for words to ignore); the variants are separated by |.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fuel | petrol | gasoil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposals could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proposed example questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) waiting</source>
        <translation>
            <numerusform>%n proposal waiting</numerusform>
            <numerusform>%n proposals waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; approved as an example of &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a concept and its variants, separated by |.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to &quot;%1&quot;: the suggestions use it from their next load.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::SuggestionStrip</name>
    <message>
        <source>No suggestions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+%1  %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this approved answer in the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggested answer for this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplateDiff</name>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatePicker</name>
    <message>
        <source>Search approved templates by name, tag or text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approved template matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) · Enter to use, Esc to close</source>
        <translation>
            <numerusform>%n template · Enter to use, Esc to close</numerusform>
            <numerusform>%n templates · Enter to use, Esc to close</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n SMS part(s)</source>
        <translation>
            <numerusform>%1 · %n SMS part</numerusform>
            <numerusform>%1 · %n SMS parts</numerusform>
        </translation>
    </message>
    <message>
        <source>To fill in before sending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template approved by WhatsApp for this number matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesModel</name>
    <message>
        <source>An earlier approved version is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (approved in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, tag or text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. salary, payroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names the agent fills in, e.g. code, deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording in this language, with placeholders such as {{given_name}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GSM-7: 160 characters in one SMS, 153 per part when split; UCS-2 (any character outside GSM-7, e.g. an emoji): 70 and 67.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for a sample health worker (Musu Kollie, Certified Midwife, Phebe Hospital):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example questions (one per line; used to suggest this template):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform>
            <numerusform>%n templates</numerusform>
        </translation>
    </message>
    <message>
        <source>New template: write at least one language, save it as a draft, then submit it for approval by another supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a template to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · %2 · written by %3, last edited by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving creates a new draft version; this one stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No text in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · for the sample %2 → %n SMS part(s), %3</source>
        <translation>
            <numerusform>%1 characters · for the sample %2 → %n SMS part, %3</numerusform>
            <numerusform>%1 characters · for the sample %2 → %n SMS parts, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>GSM-7 (160/153)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCS-2 (70/67)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: another supervisor can now approve it on the Approvals page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, e.g. salary_paid_notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, e.g. en_US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhatsApp template Meta approved for this wording, and its language code. Leave both empty when there is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw wording that must no longer be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the approved version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the whole template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template is retired: it can no longer be sent or edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the template &quot;%1&quot;? Agents can no longer send any of its versions, and it cannot be edited again. Its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire version %1 of &quot;%2&quot;? Agents can no longer send it; a newer version can still be approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retiring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not retired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: agents can no longer send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and is still waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Version %1 has not changed and stays approved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadDelegate</name>
    <message>
        <source>Not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏳ %1 — being fetched…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 could not be fetched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 — too large to keep; open it on the messaging platform.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::ThreadModel</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported message (%1): mHero cannot show it; open it on the messaging platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off. It goes when the channel is switched on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the channel is switched off (%1). It goes when the channel is switched on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: attempts so far: %1; last error: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: waiting for the platform. Next try at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being sent (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts so far: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel is switched off (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::TrayNotifier</name>
    <message>
        <source>mHero Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mhero::ui::UsersPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who may sign in, with their role. Accounts are created and deactivated by IT (&quot;mhero-admin user&quot;); every change is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mhero::users</name>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the password verifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
