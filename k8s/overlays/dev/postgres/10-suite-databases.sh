#!/bin/sh
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), by
# docker-compose.yml and by the dev overlay of k8s/. One database per service, each owned by a
# login role of the same name, so that a service can reach no other service's data. Each role is
# also a member of receivables_tenant, the role a service's connections switch to while serving a
# tenant's request (row-level security, docs/security.md).
#   SUITE_DATABASES      names (default: invoicing scoring dunning kpi webhooks gateway)
#   <NAME>_DB_PASSWORD   password of role <name>, e.g. INVOICING_DB_PASSWORD;
#   SUITE_DB_PASSWORD    fallback for every role without its own.
set -eu

for db in ${SUITE_DATABASES:-invoicing scoring dunning kpi webhooks gateway}; do
  var="$(echo "$db" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  eval "pw=\${$var:-\${SUITE_DB_PASSWORD:?set $var or SUITE_DB_PASSWORD}}"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v db="$db" -v pw="$pw" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'db', :'pw')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT 'CREATE ROLE receivables_tenant NOLOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'receivables_tenant') \gexec
SELECT format('GRANT receivables_tenant TO %I', :'db')
 WHERE NOT pg_has_role(:'db', 'receivables_tenant', 'MEMBER') \gexec
SQL
  echo "suite: database $db owned by role $db"
done
