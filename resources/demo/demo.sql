-- mHero demo data: a Liberian health workforce, a few conversations, approved templates.
-- Loaded by `mhero-admin demo load` (as the database owner, in one transaction) into a freshly
-- migrated database. Deterministic: the same data every time (setseed before any random()).
-- Template authors and notes name the demo accounts that `demo load` creates.

SET LOCAL search_path = mhero, pg_catalog;
SELECT setseed(0.4242);

-- The demo's sources stand for servers that do not exist: disabled, so the sync engine leaves
-- them alone (replies written in the demo stay queued). Add real ones with mhero-admin source add.
INSERT INTO source (name, kind, base_url, config, enabled) VALUES
    ('ihris-demo', 'fhir', 'https://ihris.demo.invalid/fhir', '{"flavour": "ihris", "region": "LR"}', false),
    ('rapidpro-demo', 'rapidpro', 'https://rapidpro.demo.invalid', '{}', false);

-- ---------------------------------------------------------------------------------------------
-- Facilities with their county (district) and region.
CREATE TEMPORARY TABLE demo_facility (id int PRIMARY KEY, name text, county text, region text) ON COMMIT DROP;
INSERT INTO demo_facility VALUES
    (1, 'Redemption Hospital', 'Montserrado', 'South Central'),
    (2, 'John F. Kennedy Medical Center', 'Montserrado', 'South Central'),
    (3, 'Du-Port Road Health Center', 'Montserrado', 'South Central'),
    (4, 'Bensonville Clinic', 'Montserrado', 'South Central'),
    (5, 'C.H. Rennie Hospital', 'Margibi', 'South Central'),
    (6, 'Duside Hospital', 'Margibi', 'South Central'),
    (7, 'Phebe Hospital', 'Bong', 'North Central'),
    (8, 'C.B. Dunbar Hospital', 'Bong', 'North Central'),
    (9, 'Ganta United Methodist Hospital', 'Nimba', 'North Central'),
    (10, 'Jackson F. Doe Hospital', 'Nimba', 'North Central'),
    (11, 'Saclepea Comprehensive Health Center', 'Nimba', 'North Central'),
    (12, 'Tellewoyan Hospital', 'Lofa', 'North Western'),
    (13, 'Curran Lutheran Hospital', 'Lofa', 'North Western'),
    (14, 'Liberia Government Hospital Buchanan', 'Grand Bassa', 'South Central'),
    (15, 'St. John Health Center', 'Grand Bassa', 'South Central'),
    (16, 'St. Timothy Hospital', 'Grand Cape Mount', 'North Western'),
    (17, 'Sinje Health Center', 'Grand Cape Mount', 'North Western'),
    (18, 'Liberia Government Hospital Bomi', 'Bomi', 'North Western'),
    (19, 'Bopolu Health Center', 'Gbarpolu', 'North Western'),
    (20, 'Cestos City Health Center', 'River Cess', 'South Eastern A'),
    (21, 'Martha Tubman Memorial Hospital', 'Grand Gedeh', 'South Eastern A'),
    (22, 'Fish Town Health Center', 'River Gee', 'South Eastern B'),
    (23, 'F.J. Grante Hospital', 'Sinoe', 'South Eastern A'),
    (24, 'J.J. Dossen Memorial Hospital', 'Maryland', 'South Eastern B'),
    (25, 'Pleebo Health Center', 'Maryland', 'South Eastern B'),
    (26, 'Rally Time Hospital', 'Grand Kru', 'South Eastern B'),
    (27, 'Kakata Health Center', 'Margibi', 'South Central'),
    (28, 'Voinjama Health Center', 'Lofa', 'North Western'),
    (29, 'Gbarnga Health Center', 'Bong', 'North Central'),
    (30, 'Zwedru Health Center', 'Grand Gedeh', 'South Eastern A');

-- Cadres with realistic shares (weights) and the jobs they hold.
CREATE TEMPORARY TABLE demo_cadre (id int PRIMARY KEY, cadre text, jobs text[], weight int) ON COMMIT DROP;
INSERT INTO demo_cadre VALUES
    (1, 'Registered Nurse', '{"Ward Nurse","Officer in Charge","Nurse Supervisor"}', 30),
    (2, 'Certified Midwife', '{"Midwife","Maternity Ward Midwife"}', 20),
    (3, 'Community Health Assistant', '{"Community Health Assistant","CHA Supervisor"}', 20),
    (4, 'Physician Assistant', '{"Physician Assistant","Officer in Charge"}', 10),
    (5, 'Laboratory Technician', '{"Laboratory Technician"}', 7),
    (6, 'Medical Doctor', '{"Medical Officer","County Health Officer"}', 5),
    (7, 'Pharmacist', '{"Dispenser","Pharmacist"}', 5),
    (8, 'Environmental Health Technician', '{"Environmental Health Technician"}', 3);

-- ---------------------------------------------------------------------------------------------
-- 400 health workers. Names follow Liberian patterns; every twentieth is a Guinean colleague
-- who prefers French.
WITH names AS (
    SELECT ARRAY['Musu','Korto','Yassah','Comfort','Esther','Fatu','Mamie','Nyenpan','Kebeh','Garmai',
                 'Hawa','Massa','Oretha','Decontee','Rebecca','Martha','Patience','Agnes','Siah','Tenneh']
               AS female,
           ARRAY['Samuel','Emmanuel','Joseph','Moses','Prince','Varney','Mohammed','Jallah','Tarnue','Kollie',
                 'Augustine','Boima','Alvin','Momo','Sekou','Philip','James','Abraham','Dominic','Kpadeh']
               AS male,
           ARRAY['Kollie','Flomo','Kpoto','Zaizay','Dolo','Kamara','Johnson','Weah','Tarr','Kromah',
                 'Sumo','Gbowee','Massaquoi','Sirleaf','Toe','Saah','Kpadeh','Wleh','Sackor','Kiazolu',
                 'Fahnbulleh','Konneh','Gono','Nyumah','Dukuly','Sherif','Togba','Karnley','Quaye','Mulbah']
               AS family,
           ARRAY['Mamadou','Fatoumata','Ibrahima','Aissatou','Ousmane','Mariama'] AS fr_given,
           ARRAY['Diallo','Bah','Camara','Sylla','Keita','Condé'] AS fr_family
), people AS (
    SELECT i,
           (i % 20 = 0) AS francophone,
           (random() < 0.62) AS female,
           random() AS r_given, random() AS r_family, random() AS r_cadre, random() AS r_job,
           random() AS r_facility, random() AS r_active
    FROM generate_series(1, 400) AS i
), cadres AS (
    SELECT id, cadre, jobs,
           sum(weight) OVER (ORDER BY id) - weight AS low, sum(weight) OVER (ORDER BY id) AS high,
           sum(weight) OVER () AS total
    FROM demo_cadre
)
INSERT INTO health_worker (source_id, resource_type, resource_id, given_name, family_name, display_name, gender,
                           cadre, job, facility, district, region, language, identifiers, active,
                           source_updated_at, updated_at)
SELECT (SELECT id FROM source WHERE name = 'ihris-demo'),
       'Practitioner',
       format('demo-%s', lpad(p.i::text, 4, '0')),
       g.given, f.family, g.given || ' ' || f.family,
       CASE WHEN g.female THEN 'female' ELSE 'male' END,
       c.cadre,
       c.jobs[1 + floor(p.r_job * cardinality(c.jobs))::int],
       fac.name, fac.county, fac.region,
       CASE WHEN p.francophone THEN 'fr' ELSE 'en' END,
       jsonb_build_array(jsonb_build_object('system', 'http://ihris.org/fhir/ids/employee',
                                            'value', format('LR-HW-%s', lpad((1000 + p.i * 7)::text, 6, '0')))),
       p.r_active >= 0.05,
       now() - make_interval(days => p.i % 90),
       now()
FROM people p
CROSS JOIN names n
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.francophone THEN n.fr_given[1 + floor(p.r_given * 6)::int]
                WHEN p.female THEN n.female[1 + floor(p.r_given * 20)::int]
                ELSE n.male[1 + floor(p.r_given * 20)::int] END AS given,
           CASE WHEN p.francophone THEN (floor(p.r_given * 6)::int % 2 = 1)
                ELSE p.female END AS female
) g
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.francophone THEN n.fr_family[1 + floor(p.r_family * 6)::int]
                ELSE n.family[1 + floor(p.r_family * 30)::int] END AS family
) f
JOIN cadres c ON p.r_cadre * c.total >= c.low AND p.r_cadre * c.total < c.high
JOIN demo_facility fac ON fac.id = 1 + (floor(p.r_facility * 30)::int)
ORDER BY p.i;

-- ---------------------------------------------------------------------------------------------
-- Phones as registry clerks type them; E.164 as libphonenumber normalises them. Liberian mobiles:
-- +231 then 9 digits starting 77, 88 or 55. Every fiftieth number is too short: kept, flagged.
WITH numbered AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM health_worker
), phones AS (
    SELECT id, n,
           (ARRAY['77', '88', '55'])[1 + (n % 3)::int] AS prefix,
           lpad(((n * 7919) % 10000000)::text, 7, '0') AS rest
    FROM numbered
)
INSERT INTO health_worker_phone (health_worker_id, raw, e164, use)
SELECT id,
       CASE WHEN n % 50 = 0 THEN '0' || prefix || '0 12'
            ELSE CASE n % 5
                     WHEN 0 THEN format('0%s%s %s %s', prefix, substr(rest, 1, 1), substr(rest, 2, 3), substr(rest, 5, 3))
                     WHEN 1 THEN format('(0%s) %s', prefix, rest)
                     WHEN 2 THEN format('+231 %s %s %s', prefix, substr(rest, 1, 3), substr(rest, 4, 4))
                     WHEN 3 THEN format('231%s%s', prefix, rest)
                     ELSE format('0%s%s-%s-%s', prefix, substr(rest, 1, 1), substr(rest, 2, 3), substr(rest, 5, 3))
                 END
       END,
       CASE WHEN n % 50 = 0 THEN NULL ELSE '+231' || prefix || rest END,
       'mobile'
FROM phones;

-- A second, work phone for every seventh person.
INSERT INTO health_worker_phone (health_worker_id, raw, e164, use)
SELECT hw.id, format('0886 %s %s', lpad((hw.id % 1000)::text, 3, '0'), lpad(((hw.id * 37) % 1000)::text, 3, '0')),
       format('+231886%s%s', lpad((hw.id % 1000)::text, 3, '0'), lpad(((hw.id * 37) % 1000)::text, 3, '0')),
       'work'
FROM health_worker hw
WHERE hw.id % 7 = 0;

-- RapidPro's URN forms for every valid number: tel:+E164 and whatsapp:<digits>.
INSERT INTO contact_urn (urn, health_worker_id, display)
SELECT DISTINCT ON (u.urn) u.urn, p.health_worker_id, p.raw
FROM health_worker_phone p
CROSS JOIN LATERAL (VALUES ('tel:' || p.e164), ('whatsapp:' || substr(p.e164, 2))) AS u(urn)
WHERE p.e164 IS NOT NULL
ORDER BY u.urn, p.health_worker_id;

-- Two people who are not in the registry (yet).
INSERT INTO contact_urn (urn, display) VALUES ('tel:+231555000111', '0555 000 111'), ('tel:+231775550199', '0775 550 199');

-- ---------------------------------------------------------------------------------------------
-- Templates: approved by demo_supervisor, written by demo_supervisor2 (four eyes).
CREATE TEMPORARY TABLE demo_template (
    id int PRIMARY KEY, name text, category text, tags text[], en text, fr text, pt text, questions text[]
) ON COMMIT DROP;
INSERT INTO demo_template VALUES
    (1, 'Salary payment confirmation', 'hr_payroll', '{salary,payroll}',
     'Dear {{given_name}}, the Ministry of Health confirms that salaries for {{facility}} staff were sent to the banks on {{date}}. Allow 3 working days. Call 4455 with questions.',
     'Cher/Chère {{given_name}}, le ministère de la Santé confirme que les salaires du personnel de {{facility}} ont été virés aux banques le {{date}}. Comptez 3 jours ouvrables. Appelez le 4455 pour toute question.',
     'Caro(a) {{given_name}}, o Ministério da Saúde confirma que os salários do pessoal de {{facility}} foram enviados aos bancos em {{date}}. Aguarde 3 dias úteis. Ligue 4455 se tiver dúvidas.',
     '{"when will salary be paid","my pay did not come","march salary not received"}'),
    (2, 'Lassa fever alert', 'outbreak', '{lassa,outbreak,alert}',
     'ALERT {{district}}: suspected Lassa fever cases reported. Use full PPE for any patient with fever and bleeding, isolate, and call the county surveillance officer at once.',
     'ALERTE {{district}} : cas suspects de fièvre de Lassa signalés. Portez un EPI complet pour tout patient avec fièvre et saignements, isolez-le et appelez immédiatement l''agent de surveillance du comté.',
     'ALERTA {{district}}: casos suspeitos de febre de Lassa notificados. Use EPI completo para qualquer doente com febre e hemorragia, isole-o e contacte de imediato o responsável de vigilância do condado.',
     '{"what to do with lassa case","patient bleeding with fever","lassa ppe"}'),
    (3, 'Measles campaign reminder', 'outbreak', '{measles,vaccination,campaign}',
     'Reminder {{given_name}}: the measles vaccination campaign in {{district}} starts {{date}}. Collect vaccines and tally sheets at the county depot the day before.',
     'Rappel {{given_name}} : la campagne de vaccination contre la rougeole dans {{district}} commence le {{date}}. Retirez les vaccins et les fiches de pointage au dépôt du comté la veille.',
     'Lembrete {{given_name}}: a campanha de vacinação contra o sarampo em {{district}} começa a {{date}}. Levante as vacinas e as folhas de contagem no depósito do condado na véspera.',
     '{"when is measles campaign","where to get measles vaccine"}'),
    (4, 'Training invitation: IMNCI', 'training', '{training,imnci}',
     'Dear {{given_name}}, you are invited to the IMNCI refresher training for {{district}} on {{date}}. Please confirm by replying YES.',
     'Cher/Chère {{given_name}}, vous êtes invité(e) à la formation de recyclage PCIME pour {{district}} le {{date}}. Merci de confirmer en répondant OUI.',
     'Caro(a) {{given_name}}, está convidado(a) para a formação de atualização AIDI para {{district}} em {{date}}. Confirme respondendo SIM.',
     '{"is there training this month","imnci training date"}'),
    (5, 'Malaria RDT stock-out guidance', 'clinical', '{malaria,rdt,stock}',
     'If you have no malaria RDTs at {{facility}}: treat fever in children under 5 per the national guideline, record cases as "clinical malaria", and report the stock-out to the county pharmacist today.',
     'Si vous n''avez plus de TDR paludisme à {{facility}} : traitez la fièvre des enfants de moins de 5 ans selon la directive nationale, notez les cas « paludisme clinique » et signalez la rupture au pharmacien du comté aujourd''hui.',
     'Se não tiver testes rápidos de malária em {{facility}}: trate a febre em crianças com menos de 5 anos segundo a norma nacional, registe os casos como "malária clínica" e comunique a rutura ao farmacêutico do condado hoje.',
     '{"no rdt at facility","we hav no RDT","malaria test finished"}'),
    (6, 'Thank you for your report', 'general', '{thanks}',
     'Thank you {{given_name}}. Your report has been received by the call center and passed to the county health team. — {{agent_name}}',
     'Merci {{given_name}}. Votre rapport a été reçu par le centre d''appels et transmis à l''équipe de santé du comté. — {{agent_name}}',
     'Obrigado(a) {{given_name}}. O seu relatório foi recebido pelo centro de atendimento e enviado à equipa de saúde do condado. — {{agent_name}}',
     '{"i sent the report","report submitted"}'),
    (7, 'Update your phone number', 'hr_payroll', '{phone,registry}',
     'Dear {{given_name}}, to update the phone number the Ministry holds for you, reply with your new number and your employee number.',
     'Cher/Chère {{given_name}}, pour mettre à jour le numéro de téléphone que le ministère a pour vous, répondez avec votre nouveau numéro et votre matricule.',
     'Caro(a) {{given_name}}, para atualizar o número de telefone que o Ministério tem registado, responda com o seu novo número e o seu número de funcionário.',
     '{"change my number","new phone number"}'),
    (8, 'Ebola screening protocol', 'clinical', '{ebola,screening}',
     'Screen every patient at the {{facility}} entrance: temperature, travel, contact with sick people. Any positive screen: isolate and call 4455.',
     'Dépistez chaque patient à l''entrée de {{facility}} : température, voyages, contact avec des malades. Tout dépistage positif : isolez et appelez le 4455.',
     'Faça a triagem de cada doente à entrada de {{facility}}: temperatura, viagens, contacto com doentes. Qualquer triagem positiva: isole e ligue 4455.',
     '{"ebola screening","how to screen patients"}');

INSERT INTO template (name, category, tags, created_at, created_by)
SELECT name, category, tags, now() - interval '30 days', 'demo_supervisor2' FROM demo_template ORDER BY id;

-- Version 1 approved for all but the last template, which is still a draft.
-- The salary template is also WhatsApp's salary_confirmation (approved), the Lassa alert its
-- lassa_alert (paused by Meta): see the WhatsApp part below.
INSERT INTO template_version (template_id, version, status, example_questions, author, last_editor, created_at,
                              updated_at, submitted_at, decided_by, decided_at, whatsapp_template_name,
                              whatsapp_language)
SELECT t.id, 1,
       CASE WHEN d.id = 8 THEN 'draft' ELSE 'approved' END,
       d.questions, 'demo_supervisor2', 'demo_supervisor2',
       now() - interval '30 days', now() - interval '29 days',
       CASE WHEN d.id = 8 THEN NULL ELSE now() - interval '29 days' END,
       CASE WHEN d.id = 8 THEN NULL ELSE 'demo_supervisor' END,
       CASE WHEN d.id = 8 THEN NULL ELSE now() - interval '28 days' END,
       CASE d.id WHEN 1 THEN 'salary_confirmation' WHEN 2 THEN 'lassa_alert' END,
       CASE WHEN d.id IN (1, 2) THEN 'en' END
FROM demo_template d
JOIN template t ON t.name = d.name;

-- The salary template has a version 2 waiting for approval.
INSERT INTO template_version (template_id, version, status, example_questions, author, last_editor, created_at,
                              updated_at, submitted_at, whatsapp_template_name, whatsapp_language)
SELECT t.id, 2, 'submitted', d.questions, 'demo_supervisor2', 'demo_supervisor2', now() - interval '1 day',
       now() - interval '1 day', now() - interval '20 hours', 'salary_confirmation', 'en'
FROM demo_template d
JOIN template t ON t.name = d.name
WHERE d.id = 1;

INSERT INTO template_body (template_version_id, language, body)
SELECT v.id, b.language,
       CASE WHEN v.version = 2 AND b.language = 'en'
            THEN replace(b.body, 'Allow 3 working days.', 'Allow up to 5 working days for rural banks.')
            ELSE b.body END
FROM template_version v
JOIN template t ON t.id = v.template_id
JOIN demo_template d ON d.name = t.name
CROSS JOIN LATERAL (VALUES ('en', d.en), ('fr', d.fr), ('pt', d.pt)) AS b(language, body);

-- ---------------------------------------------------------------------------------------------
-- Conversations on the demo RapidPro source, with their messages.
CREATE TEMPORARY TABLE demo_thread (
    id int PRIMARY KEY, urn text, status text, hours_ago int, messages jsonb
) ON COMMIT DROP;
-- messages: [direction, text, minutes after the thread's start, attachment url or null]
WITH reachable AS (
    -- registered, active people with a valid number, in a stable order
    SELECT u.urn, hw.language, row_number() OVER (ORDER BY u.health_worker_id) AS k
    FROM contact_urn u
    JOIN health_worker hw ON hw.id = u.health_worker_id
    WHERE u.urn LIKE 'tel:%' AND hw.active
)
INSERT INTO demo_thread
SELECT t.n,
       CASE t.n WHEN 11 THEN 'tel:+231555000111' -- threads 11 and 12: people not in the registry
                WHEN 12 THEN 'tel:+231775550199'
                WHEN 4 THEN (SELECT urn FROM reachable WHERE language = 'fr' ORDER BY k LIMIT 1) -- writes French
                ELSE (SELECT urn FROM reachable WHERE k = t.n * 17) END,
       t.status, t.hours_ago, t.messages::jsonb
FROM (VALUES
    (1, 'open', 2, '[["in","pls when will march salary come, we hav not receive it",0,null]]'),
    (2, 'open', 5, '[["in","we hav no RDT at the clinic since monday, what we should do",0,null],["in","pls advise",4,null]]'),
    (3, 'open', 9, '[["in","Good morning, there is a patient with fever and bleeding here",0,null],["out","Thank you. Isolate the patient, use full PPE, and call the county surveillance officer now.",6,null],["in","ok we hv isolated him, surveillance officer coming",40,null]]'),
    (4, 'open', 20, '[["in","Bonjour, je n''ai pas reçu mon salaire de mars",0,null]]'),
    (5, 'pending', 26, '[["in","when is the measles campaign starting in Nimba",0,null],["out","Reminder: the measles vaccination campaign in Nimba starts on Monday. Collect vaccines at the county depot the day before.",15,null],["in","thanks. how many tally sheets per site?",60,null]]'),
    (6, 'open', 30, '[["in","see the RDT box we received, it is expired",0,"https://rapidpro.demo.invalid/media/rdt-box.jpg"],["in","what to do with them",2,null]]'),
    (7, 'resolved', 50, '[["in","I sent the monthly report yesterday",0,null],["out","Thank you. Your report has been received by the call center and passed to the county health team.",20,null]]'),
    (8, 'resolved', 60, '[["in","i want to change my number",0,null],["out","To update the phone number the Ministry holds for you, reply with your new number and your employee number.",30,null],["in","0886 123 999 LR-HW-001470",45,null],["out","Thank you, your number is updated.",80,null]]'),
    (9, 'open', 1, '[["in","is there IMNCI training this month for Bong",0,null]]'),
    (10, 'pending', 40, '[["in","our solar fridge broke, vaccines at risk",0,null],["out","Thank you, the county cold-chain officer has been told and will call you today.",25,null]]'),
    (11, 'open', 3, '[["in","hello who is this number",0,null]]'),
    (12, 'resolved', 70, '[["in","my name is wrong in the payroll",0,null],["out","Thank you. Please send your employee number and the correct spelling; HR will correct it.",50,null],["in","LR-HW-001540, Korto Kpoto",90,null],["out","Corrected. It will show on the next payslip.",300,null]]')
) AS t(n, status, hours_ago, messages);

INSERT INTO conversation (urn_id, channel_source_id, status, opened_at, last_activity_at, resolved_at, language)
SELECT u.id, (SELECT id FROM source WHERE name = 'rapidpro-demo'), d.status,
       now() - make_interval(hours => d.hours_ago), now() - make_interval(hours => d.hours_ago),
       CASE WHEN d.status = 'resolved' THEN now() - make_interval(hours => d.hours_ago) + interval '6 hours' END,
       CASE WHEN d.messages::text LIKE '%Bonjour%' THEN 'fr' ELSE 'en' END
FROM demo_thread d
JOIN contact_urn u ON u.urn = d.urn
ORDER BY d.id;

INSERT INTO message (conversation_id, direction, text, attachments, source_id, external_id, status, created_at,
                     sent_at, delivered_at)
SELECT c.id, m.value ->> 0, m.value ->> 1,
       CASE WHEN m.value ->> 3 IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('content_type', 'image/jpeg', 'url', m.value ->> 3)) END,
       c.channel_source_id,
       format('demo-%s-%s', d.id, m.ordinality),
       CASE WHEN m.value ->> 0 = 'in' THEN 'received' ELSE 'delivered' END,
       c.opened_at + make_interval(mins => (m.value ->> 2)::int),
       CASE WHEN m.value ->> 0 = 'out' THEN c.opened_at + make_interval(mins => (m.value ->> 2)::int, secs => 4) END,
       CASE WHEN m.value ->> 0 = 'out' THEN c.opened_at + make_interval(mins => (m.value ->> 2)::int, secs => 35) END
FROM demo_thread d
JOIN contact_urn u ON u.urn = d.urn
JOIN conversation c ON c.urn_id = u.id
CROSS JOIN LATERAL jsonb_array_elements(d.messages) WITH ORDINALITY AS m(value, ordinality);

-- Activity, inbound time and unread count follow from the messages.
UPDATE conversation c
SET last_activity_at = s.last_at,
    last_inbound_at = s.last_in,
    window_ends_at = s.last_in + interval '24 hours',
    unread_count = CASE WHEN c.status = 'resolved' THEN 0 ELSE s.unread END
FROM (
    SELECT conversation_id,
           max(created_at) AS last_at,
           max(created_at) FILTER (WHERE direction = 'in') AS last_in,
           count(*) FILTER (WHERE direction = 'in' AND created_at > coalesce(
               (SELECT max(o.created_at) FROM message o WHERE o.conversation_id = m.conversation_id AND o.direction = 'out'),
               '-infinity')) AS unread
    FROM message m
    GROUP BY conversation_id
) s
WHERE s.conversation_id = c.id;

INSERT INTO note (conversation_id, author, body, created_at, updated_at)
SELECT c.id, 'demo_supervisor', n.body, c.last_activity_at + interval '5 minutes',
       c.last_activity_at + interval '5 minutes'
FROM (VALUES ('demo-3-1', 'Surveillance officer for the county informed by phone; follow up tomorrow morning.'),
             ('demo-10-1', 'Cold-chain officer confirmed a replacement fridge arrives Thursday.')) AS n(external_id, body)
JOIN message m ON m.external_id = n.external_id
JOIN conversation c ON c.id = m.conversation_id;

-- ---------------------------------------------------------------------------------------------
-- WhatsApp (Cloud API) and Messenger (issue 14): a WhatsApp number (the Meta emulator's default
-- ids) and a Facebook Page, switched off like the other demo sources (no secrets: nothing is
-- sent), WhatsApp's templates of that number, and four threads. The pictures and the voice note
-- get their bytes from `demo load` (DemoData.cpp), as the engine would have fetched them.
INSERT INTO source (name, kind, base_url, config, enabled) VALUES
    ('whatsapp-demo', 'whatsapp', 'https://graph.facebook.com/v21.0/',
     '{"phone_number_id": "106540352242922", "waba_id": "102290129340398", "region": "LR"}', false),
    ('messenger-demo', 'messenger', 'https://graph.facebook.com/v21.0/',
     '{"page_id": "100200300400500", "region": "LR"}', false);

INSERT INTO whatsapp_template (source_id, name, language, status, category, template_id, components, reason)
SELECT (SELECT id FROM source WHERE name = 'whatsapp-demo'), t.name, 'en', t.status, 'UTILITY', t.template_id,
       t.components::jsonb, t.reason
FROM (VALUES
    ('salary_confirmation', 'APPROVED', '880001',
     '[{"type": "BODY", "text": "Dear {{1}}, the Ministry of Health confirms that salaries for {{2}} staff were sent to the banks on {{3}}. Allow 3 working days. Call 4455 with questions."}]',
     NULL),
    ('lassa_alert', 'PAUSED', '880002',
     '[{"type": "HEADER", "format": "TEXT", "text": "Lassa fever"}, {"type": "BODY", "text": "ALERT {{1}}: suspected Lassa fever cases reported. Use full PPE for any patient with fever and bleeding, isolate, and call the county surveillance officer at once."}]',
     'Paused by Meta after low quality feedback')
) AS t(name, status, template_id, components, reason);

-- Threads: [direction, text, minutes after the thread's start, content type of an attachment or
-- null]. Thread 1: the window closes in about 4 hours (the last message 20 hours ago). Thread 2:
-- it closed a day ago. Thread 3: the agent wrote first and WhatsApp answered 131026 (the number
-- has no WhatsApp). Thread 4: Messenger, linked to a health worker, the person wrote 2 days ago.
CREATE TEMPORARY TABLE demo_meta_thread (
    id int PRIMARY KEY, source text, urn text, worker bigint, hours_ago int, messages jsonb
) ON COMMIT DROP;
WITH reachable AS (
    SELECT u.health_worker_id AS worker, substr(u.urn, 6) AS digits, row_number() OVER (ORDER BY u.health_worker_id) AS k
    FROM contact_urn u
    JOIN health_worker hw ON hw.id = u.health_worker_id
    WHERE u.urn LIKE 'tel:+%' AND hw.active AND hw.language = 'en'
)
INSERT INTO demo_meta_thread
SELECT t.n, t.source,
       CASE WHEN t.source = 'messenger-demo' THEN 'facebook:6783451200339' ELSE 'whatsapp:' || r.digits END,
       r.worker, t.hours_ago, t.messages::jsonb
FROM (VALUES
    (1, 'whatsapp-demo', 5, 21, '[["in","Good morning. The vaccine fridge at our clinic shows 12 degrees since last night, see the picture",0,"image/jpeg"],["out","Thank you. Move the vaccines to the cold box with frozen ice packs now, and do not use any vial whose VVM has changed colour.",8,null],["in","",60,"audio/wav"]]'),
    (2, 'whatsapp-demo', 8, 31, '[["in","Please can the county send us the new IMNCI chart booklets",0,null],["out","They go out with the county supply run this week.",30,null],["in","ok thank you",60,null]]'),
    (3, 'whatsapp-demo', 10, 3, '[["out","Dear colleague, please confirm your facility for the payroll verification.",0,"failed"]]'),
    (4, 'messenger-demo', 12, 50, '[["in","Hello, this is the OIC of the clinic. My SIM card was stolen, I can only write here on Messenger for now",0,null],["in","Is my salary still going to the same bank account?",3,null]]')
) AS t(n, source, k, hours_ago, messages)
JOIN reachable r ON r.k = t.k;

INSERT INTO contact_urn (urn, health_worker_id, display)
SELECT urn, worker, NULL FROM demo_meta_thread WHERE source = 'messenger-demo'
ON CONFLICT (urn) DO NOTHING;
INSERT INTO conversation (urn_id, channel_source_id, status, opened_at, last_activity_at, language, assignee)
SELECT u.id, (SELECT id FROM source WHERE name = d.source), 'open',
       now() - make_interval(hours => d.hours_ago), now() - make_interval(hours => d.hours_ago), 'en',
       CASE WHEN d.id = 3 THEN 'demo_agent' END
FROM demo_meta_thread d
JOIN contact_urn u ON u.urn = d.urn
ORDER BY d.id;

INSERT INTO message (conversation_id, direction, text, attachments, source_id, external_id, status, created_at,
                     sent_at, delivered_at, failed_at, error, error_code, author)
SELECT c.id, m.value ->> 0, m.value ->> 1,
       CASE WHEN m.value ->> 3 IS NULL OR m.value ->> 3 = 'failed' THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('content_type', m.value ->> 3,
                                                      'url', format('whatsapp-media:demo-%s-%s', d.id, m.ordinality))) END,
       c.channel_source_id,
       format('demo-meta-%s-%s', d.id, m.ordinality),
       CASE WHEN m.value ->> 0 = 'in' THEN 'received' WHEN m.value ->> 3 = 'failed' THEN 'failed' ELSE 'read' END,
       c.opened_at + make_interval(mins => (m.value ->> 2)::int),
       CASE WHEN m.value ->> 0 = 'out' THEN c.opened_at + make_interval(mins => (m.value ->> 2)::int, secs => 2) END,
       CASE WHEN m.value ->> 0 = 'out' AND m.value ->> 3 IS NULL
            THEN c.opened_at + make_interval(mins => (m.value ->> 2)::int, secs => 20) END,
       CASE WHEN m.value ->> 3 = 'failed' THEN c.opened_at + make_interval(mins => (m.value ->> 2)::int, secs => 3) END,
       CASE WHEN m.value ->> 3 = 'failed'
            THEN '131026: Message undeliverable — the number is not on WhatsApp or cannot receive messages' END,
       CASE WHEN m.value ->> 3 = 'failed' THEN 131026 END,
       CASE WHEN m.value ->> 0 = 'out' THEN 'demo_agent' END
FROM demo_meta_thread d
JOIN contact_urn u ON u.urn = d.urn
JOIN conversation c ON c.urn_id = u.id AND c.channel_source_id = (SELECT id FROM source WHERE name = d.source)
CROSS JOIN LATERAL jsonb_array_elements(d.messages) WITH ORDINALITY AS m(value, ordinality);

UPDATE conversation c
SET last_activity_at = s.last_at,
    last_inbound_at = s.last_in,
    window_ends_at = s.last_in + interval '24 hours',
    unread_count = s.unread
FROM (
    SELECT conversation_id, max(created_at) AS last_at, max(created_at) FILTER (WHERE direction = 'in') AS last_in,
           count(*) FILTER (WHERE direction = 'in' AND created_at > coalesce(
               (SELECT max(o.created_at) FROM message o WHERE o.conversation_id = m.conversation_id AND o.direction = 'out'),
               '-infinity')) AS unread
    FROM message m
    WHERE m.external_id LIKE 'demo-meta-%'
    GROUP BY conversation_id
) s
WHERE s.conversation_id = c.id;

ANALYZE;
