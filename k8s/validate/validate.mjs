// Validates rendered kustomize overlays: node validate.mjs <overlay-name> <rendered.yaml> [...more pairs]
// - core Kubernetes resources against the Kubernetes OpenAPI schemas (npm kubernetes-models)
// - structural checks of the operator resources (CloudNativePG, Barman Cloud plugin, Keycloak operator)
// - the project's rules (k8s/README.md "Checks"): probes, limits, pinned images, hardening, a PDB, HPA,
//   Service and NetworkPolicy per Deployment, databases reachable only from their service, no secret in prod.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const LEVELS = ['national', 'provincial', 'mine-safety', 'unit', 'assessor', 'service'];
const HEALTH = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };
// Secrets that exist in the cluster without being rendered: CloudNativePG creates <cluster>-app; the rest are
// created by the cluster's operators (k8s/README.md "Secrets").
const EXTERNAL_SECRETS = ['keycloak-client-secrets', 'backup-object-store', 'keycloak-tls', 'rescue-force-api-tls', 'personal-data-keys',
  'evidence-store-credentials'];

let failures = 0;
const fail = (overlay, res, message) => {
  failures++;
  console.error(`FAIL [${overlay}] ${res ? `${res.kind}/${res.metadata?.name}: ` : ''}${message}`);
};

const models = new Map();
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ''}${version}`;
  if (!models.has(module)) {
    try {
      models.set(module, await import(module));
    } catch {
      models.set(module, null);
    }
  }
  return models.get(module)?.[kind];
}

const CRD_GROUPS = ['postgresql.cnpg.io', 'barmancloud.cnpg.io', 'k8s.keycloak.org'];
const isCrd = (res) => CRD_GROUPS.includes(res.apiVersion.split('/')[0]);

function imageProblem(image) {
  if (!image) return 'no image';
  if (image.includes('@sha256:')) return null;
  const last = image.split('/').pop();
  if (!last.includes(':')) return `image ${image} has no tag (means latest)`;
  if (last.endsWith(':latest')) return `image ${image} uses the latest tag`;
  return null;
}

const matches = (selector, labels) => selector && Object.keys(selector).length > 0
  && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkDeployment(overlay, dep, all) {
  const pod = dep.spec.template.spec;
  const labels = dep.spec.template.metadata.labels;
  const name = dep.metadata.name;
  if (pod.securityContext?.runAsNonRoot !== true) fail(overlay, dep, 'pod securityContext.runAsNonRoot must be true');
  for (const c of pod.containers) {
    const where = `container ${c.name}`;
    const problem = imageProblem(c.image);
    if (problem) fail(overlay, dep, `${where}: ${problem}`);
    for (const [probe, path] of Object.entries(HEALTH)) {
      if (c[probe]?.httpGet?.path !== path) fail(overlay, dep, `${where}: ${probe} must be an httpGet on ${path}`);
    }
    for (const kind of ['requests', 'limits']) {
      for (const r of ['cpu', 'memory']) {
        if (!c.resources?.[kind]?.[r]) fail(overlay, dep, `${where}: resources.${kind}.${r} missing`);
      }
    }
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) fail(overlay, dep, `${where}: readOnlyRootFilesystem must be true`);
    if (sc.allowPrivilegeEscalation !== false) fail(overlay, dep, `${where}: allowPrivilegeEscalation must be false`);
    if (sc.privileged === true) fail(overlay, dep, `${where}: privileged`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(overlay, dep, `${where}: capabilities must drop ALL`);
    if ((sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) fail(overlay, dep, `${where}: not runAsNonRoot`);
    for (const env of c.env ?? []) {
      if (/PASSWORD|SECRET|TOKEN|CREDENTIAL/i.test(env.name) && env.value !== undefined) {
        fail(overlay, dep, `${where}: ${env.name} is a literal value; read it from a Secret`);
      }
      const ref = env.valueFrom?.secretKeyRef;
      if (ref) {
        const rendered = all.some((r) => r.kind === 'Secret' && r.metadata.name === ref.name);
        const cnpg = all.some((r) => r.kind === 'Cluster' && `${r.metadata.name}-app` === ref.name);
        if (!rendered && !cnpg && !EXTERNAL_SECRETS.includes(ref.name)) {
          fail(overlay, dep, `${where}: ${env.name} reads unknown Secret ${ref.name}`);
        }
      }
    }
    for (const from of c.envFrom ?? []) {
      if (from.configMapRef && !all.some((r) => r.kind === 'ConfigMap' && r.metadata.name === from.configMapRef.name)) {
        fail(overlay, dep, `${where}: ConfigMap ${from.configMapRef.name} is not rendered`);
      }
      if (from.secretRef) fail(overlay, dep, `${where}: envFrom a whole Secret; reference single keys instead`);
    }
  }
  const pdb = all.find((r) => r.kind === 'PodDisruptionBudget' && matches(r.spec.selector?.matchLabels, labels));
  if (!pdb) fail(overlay, dep, 'no PodDisruptionBudget selects its pods');
  const netpol = all.find((r) => r.kind === 'NetworkPolicy' && matches(r.spec.podSelector?.matchLabels, labels));
  if (!netpol) fail(overlay, dep, 'no NetworkPolicy of its own selects its pods');
  const hpa = all.find((r) => r.kind === 'HorizontalPodAutoscaler' && r.spec.scaleTargetRef?.kind === 'Deployment'
    && r.spec.scaleTargetRef.name === name);
  if (!hpa) fail(overlay, dep, 'no HorizontalPodAutoscaler scales it');
  if (!all.some((r) => r.kind === 'Service' && matches(r.spec.selector, labels))) fail(overlay, dep, 'no Service selects its pods');

  // its database: reachable on 5432 only from this service (and the cluster's own instances)
  const config = Object.assign({}, ...(pod.containers[0].envFrom ?? [])
    .map((f) => all.find((r) => r.kind === 'ConfigMap' && r.metadata.name === f.configMapRef?.name)?.data ?? {}));
  const jdbc = config.QUARKUS_DATASOURCE_JDBC_URL ?? '';
  const host = /^jdbc:postgresql:\/\/([a-z0-9-]+)-rw[:/]/.exec(jdbc)?.[1];
  const cluster = all.find((r) => r.kind === 'Cluster' && r.metadata.name === host);
  if (!cluster) {
    fail(overlay, dep, `QUARKUS_DATASOURCE_JDBC_URL (${jdbc}) does not point at the -rw service of a rendered Cluster`);
  } else {
    checkDatabasePolicy(overlay, cluster, labels['app.kubernetes.io/name'], all);
    const maxConnections = Number(cluster.spec.postgresql?.parameters?.max_connections ?? 100);
    const pool = Number(config.QUARKUS_DATASOURCE_JDBC_MAX_SIZE ?? 20);
    if (hpa && hpa.spec.maxReplicas * pool >= maxConnections) {
      fail(overlay, dep, `maxReplicas ${hpa.spec.maxReplicas} x pool ${pool} reaches max_connections ${maxConnections} of ${host}`);
    }
  }
  for (const key of ['QUARKUS_OIDC_AUTH_SERVER_URL']) {
    if (!config[key]) fail(overlay, dep, `ConfigMap lacks ${key}`);
  }
  if (hpa && hpa.spec.minReplicas > hpa.spec.maxReplicas) fail(overlay, hpa, 'minReplicas > maxReplicas');
}

function checkDatabasePolicy(overlay, cluster, appName, all) {
  const name = cluster.metadata.name;
  const policies = all.filter((r) => r.kind === 'NetworkPolicy' && r.spec.podSelector?.matchLabels?.['cnpg.io/cluster'] === name);
  if (policies.length === 0) {
    fail(overlay, cluster, 'no NetworkPolicy protects the database');
    return;
  }
  for (const policy of policies) {
    for (const rule of policy.spec.ingress ?? []) {
      const ports = (rule.ports ?? []).map((p) => p.port);
      if (ports.length === 0) fail(overlay, policy, 'an ingress rule opens every port');
      if (!ports.includes(5432)) continue;
      for (const peer of rule.from ?? []) {
        const pods = peer.podSelector?.matchLabels ?? {};
        const ownInstances = pods['cnpg.io/cluster'] === name && !peer.namespaceSelector;
        const ownService = appName && pods['app.kubernetes.io/name'] === appName && !peer.namespaceSelector;
        const keycloak = name === 'keycloak-db' && ['keycloak', 'keycloak-realm-import'].includes(pods.app) && !peer.namespaceSelector;
        if (!ownInstances && !ownService && !keycloak) {
          fail(overlay, policy, `port 5432 is open to ${JSON.stringify(peer)}, not only to ${appName ?? 'Keycloak'}`);
        }
      }
      if (!rule.from) fail(overlay, policy, 'port 5432 is open to every peer');
    }
  }
}

function checkCluster(overlay, res, prod) {
  const s = res.spec ?? {};
  if (!Number.isInteger(s.instances) || s.instances < 1) fail(overlay, res, 'spec.instances must be a positive integer');
  if (prod && s.instances !== 3) fail(overlay, res, 'prod runs 3 instances');
  if (!prod && s.instances !== 1) fail(overlay, res, 'dev runs 1 instance');
  const problem = imageProblem(s.imageName);
  if (problem) fail(overlay, res, problem);
  if (!s.bootstrap?.initdb?.database || !s.bootstrap?.initdb?.owner) fail(overlay, res, 'bootstrap.initdb needs database and owner');
  if (!/^[0-9]+(Mi|Gi|Ti)$/.test(s.storage?.size ?? '')) fail(overlay, res, 'storage.size must be a quantity like 50Gi');
  if (!s.resources?.limits?.memory || !s.resources?.requests?.cpu) fail(overlay, res, 'resources requests/limits missing');
  if (s.backup?.barmanObjectStore) fail(overlay, res, 'in-tree barmanObjectStore is deprecated: use the Barman Cloud plugin');
  const barman = (s.plugins ?? []).find((p) => p.name === 'barman-cloud.cloudnative-pg.io');
  if (prod && (!barman || barman.isWALArchiver !== true || !barman.parameters?.barmanObjectName)) {
    fail(overlay, res, 'prod needs the barman-cloud plugin as WAL archiver with a barmanObjectName');
  }
  return barman?.parameters?.barmanObjectName;
}

function checkKeycloak(overlay, res, all) {
  const s = res.spec ?? {};
  const problem = imageProblem(s.image);
  if (problem) fail(overlay, res, problem);
  if (!Number.isInteger(s.instances) || s.instances < 1) fail(overlay, res, 'spec.instances must be a positive integer');
  const dbHost = s.db?.host ?? '';
  if (s.db?.vendor !== 'postgres' || !all.some((r) => r.kind === 'Cluster' && `${r.metadata.name}-rw` === dbHost)) {
    fail(overlay, res, `db must be postgres on the -rw service of a rendered Cluster (is ${dbHost})`);
  }
  for (const key of ['usernameSecret', 'passwordSecret']) {
    const ref = s.db?.[key];
    if (!ref?.name || !ref?.key) fail(overlay, res, `db.${key} needs name and key`);
  }
  if (!/^https:\/\//.test(s.hostname?.hostname ?? '')) fail(overlay, res, 'hostname.hostname must be an https URL');
  if (!s.resources?.limits?.memory) fail(overlay, res, 'resources.limits missing');
}

function checkRealmImport(overlay, res, all, prod) {
  const s = res.spec ?? {};
  if (!all.some((r) => r.kind === 'Keycloak' && r.metadata.name === s.keycloakCRName)) {
    fail(overlay, res, `keycloakCRName ${s.keycloakCRName} is not a rendered Keycloak`);
  }
  const realm = s.realm ?? {};
  if (realm.realm !== 'rescue-force') fail(overlay, res, 'realm must be rescue-force');
  const roles = (realm.roles?.realm ?? []).map((r) => r.name).sort();
  if (JSON.stringify(roles) !== JSON.stringify([...LEVELS].sort())) fail(overlay, res, `realm roles must be the six levels, are ${roles}`);
  const scope = (realm.clientScopes ?? []).find((c) => c.name === 'rescue-force-claims');
  const claims = (scope?.protocolMappers ?? []).map((m) => m.config?.['claim.name']);
  for (const claim of ['groups', 'region', 'org']) {
    if (!claims.includes(claim)) fail(overlay, res, `client scope rescue-force-claims must map the ${claim} claim`);
  }
  const text = JSON.stringify(realm);
  const used = new Set([...text.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]));
  const given = new Set(Object.keys(s.placeholders ?? {}));
  for (const name of used) if (!given.has(name)) fail(overlay, res, `placeholder \${${name}} has no spec.placeholders entry`);
  for (const name of given) if (!used.has(name)) fail(overlay, res, `spec.placeholders.${name} is not used by the realm`);
  for (const [name, p] of Object.entries(s.placeholders ?? {})) {
    const secret = p.secret?.name;
    if (!secret || !p.secret?.key) fail(overlay, res, `placeholder ${name} needs secret name and key`);
    else if (!EXTERNAL_SECRETS.includes(secret) && !all.some((r) => r.kind === 'Secret' && r.metadata.name === secret)) {
      fail(overlay, res, `placeholder ${name} reads unknown Secret ${secret}`);
    }
  }
  const mobile = (realm.clients ?? []).find((c) => c.clientId === 'rescue-force-mobile');
  if (!mobile?.publicClient || mobile.attributes?.['pkce.code.challenge.method'] !== 'S256' || mobile.directAccessGrantsEnabled) {
    fail(overlay, res, 'rescue-force-mobile must be a public client with PKCE S256 and no password grant');
  }
  for (const service of ['teams-api', 'equipment-api', 'assessment-api']) {
    const client = (realm.clients ?? []).find((c) => c.clientId === service);
    const account = (realm.users ?? []).find((u) => u.serviceAccountClientId === service);
    if (!client?.serviceAccountsEnabled || client.publicClient || !account?.realmRoles?.includes('service')) {
      fail(overlay, res, `${service} needs a confidential client whose service account has the level service`);
    }
  }
  if (prod) {
    for (const client of realm.clients ?? []) {
      if (client.directAccessGrantsEnabled) fail(overlay, res, `client ${client.clientId} allows the password grant in prod`);
      if (client.secret !== undefined && !/^\$\{[A-Z0-9_]+\}$/.test(client.secret)) {
        fail(overlay, res, `client ${client.clientId} has a literal secret in prod`);
      }
    }
    for (const user of realm.users ?? []) {
      if (!user.serviceAccountClientId) fail(overlay, res, `sample user ${user.username} in prod`);
      if (user.credentials?.length) fail(overlay, res, `user ${user.username} carries credentials in prod`);
    }
  } else if (!(realm.users ?? []).some((u) => !u.serviceAccountClientId)) {
    fail(overlay, res, 'non-prod realms carry sample users');
  }
}

function checkIngress(overlay, res, all) {
  for (const rule of res.spec.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      if (!path.path.startsWith('/api/v1/')) fail(overlay, res, `path ${path.path} is outside /api/v1/`);
      const svc = path.backend?.service?.name;
      if (!all.some((r) => r.kind === 'Service' && r.metadata.name === svc)) fail(overlay, res, `backend ${svc} is not a rendered Service`);
    }
  }
}

// Every path of a service's contract (openapi/<service>.yaml) reaches that service through the Ingress: ingress-nginx
// matches regex paths as prefixes, the longest first. On the shared API host a path that several contracts declare (the
// change feed, webhook subscriptions, the audit trail) can reach only one of them; each service must therefore also
// answer at a host of its own (<service>.<API host>, Ingress rescue-force-service-hosts), where it gets every path.
function checkRoutes(overlay, all) {
  const routes = all.filter((r) => r.kind === 'Ingress')
    .flatMap((r) => (r.spec.rules ?? []).flatMap((rule) => (rule.http?.paths ?? [])
      .map((p) => ({ host: rule.host ?? '', path: p.path, service: p.backend?.service?.name }))))
    .sort((a, b) => b.path.length - a.path.length);
  const contracts = {};
  for (const dep of all.filter((r) => r.kind === 'Deployment')) {
    const file = new URL(`../../openapi/${dep.metadata.name}.yaml`, import.meta.url);
    let contract;
    try {
      contract = parseAllDocuments(readFileSync(file, 'utf8'))[0].toJS();
    } catch (e) {
      fail(overlay, dep, `no contract openapi/${dep.metadata.name}.yaml to check its routes against`);
      continue;
    }
    contracts[dep.metadata.name] = Object.keys(contract.paths ?? {});
  }
  const services = Object.keys(contracts);
  const ownHost = (host) => services.find((s) => host.startsWith(`${s}.`));
  const shared = new Set();
  for (const [service, paths] of Object.entries(contracts)) {
    const own = routes.filter((r) => ownHost(r.host) === service);
    if (!own.length) fail(overlay, null, `${service}: no Ingress host of its own (${service}.<API host>)`);
    for (const path of paths) {
      const concrete = path.replace(/\{[^}]+\}/g, 'x1');
      const atOwn = own.find((r) => new RegExp(`^${r.path}`).test(concrete));
      if (own.length && (!atOwn || atOwn.service !== service)) {
        fail(overlay, null, `${service}: ${path} does not reach it at its own host`);
      }
      if (Object.entries(contracts).some(([other, p]) => other !== service && p.includes(path))) {
        shared.add(path);
        continue;
      }
      const route = routes.find((r) => !ownHost(r.host) && new RegExp(`^${r.path}`).test(concrete));
      if (!route) {
        fail(overlay, null, `${service}: ${path} is routed by no Ingress path`);
      } else if (route.service !== service) {
        fail(overlay, null, `${service}: ${path} is routed to ${route.service} (Ingress path ${route.path})`);
      }
    }
  }
  if (shared.size) console.log(`[${overlay}] declared by several services, each at its own host: ${[...shared].join(', ')}`);
}

async function checkOverlay(overlay, file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const all = [];
  for (const doc of docs) {
    if (doc.errors.length) fail(overlay, null, `YAML error: ${doc.errors[0].message}`);
    const res = doc.toJS();
    if (res) all.push(res);
  }
  const prod = overlay === 'prod';
  const counts = {};
  for (const res of all) {
    counts[res.kind] = (counts[res.kind] ?? 0) + 1;
    if (!res.apiVersion || !res.kind || !res.metadata?.name) {
      fail(overlay, res, 'apiVersion, kind and metadata.name are required');
      continue;
    }
    if (!res.metadata.namespace) fail(overlay, res, 'no namespace (the overlay must set one)');
    if (!isCrd(res)) {
      const Model = await modelFor(res.apiVersion, res.kind);
      if (!Model) {
        fail(overlay, res, `no Kubernetes schema for ${res.apiVersion} ${res.kind}`);
      } else {
        try {
          new Model(res).validate();
        } catch (e) {
          fail(overlay, res, `schema: ${e.message}`);
        }
      }
    }
  }
  const needed = ['Deployment', 'Service', 'ConfigMap', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy',
    'Ingress', 'Cluster', 'Keycloak', 'KeycloakRealmImport'];
  for (const kind of needed) if (!counts[kind]) fail(overlay, null, `no ${kind} rendered`);
  if ((counts.Deployment ?? 0) < 3) fail(overlay, null, 'the three services must be rendered');

  const objectStores = new Set(all.filter((r) => r.kind === 'ObjectStore').map((r) => r.metadata.name));
  for (const res of all) {
    switch (`${res.apiVersion}/${res.kind}`) {
      case 'apps/v1/Deployment':
        checkDeployment(overlay, res, all);
        break;
      case 'v1/Secret':
        if (prod) fail(overlay, res, 'prod renders no Secret: secrets are created in the cluster, never committed');
        break;
      case 'postgresql.cnpg.io/v1/Cluster': {
        const store = checkCluster(overlay, res, prod);
        if (store && !objectStores.has(store)) fail(overlay, res, `barmanObjectName ${store} is not a rendered ObjectStore`);
        if (prod && !all.some((r) => r.kind === 'ScheduledBackup' && r.spec?.cluster?.name === res.metadata.name)) {
          fail(overlay, res, 'prod needs a ScheduledBackup');
        }
        break;
      }
      case 'postgresql.cnpg.io/v1/ScheduledBackup':
        if ((res.spec?.schedule ?? '').trim().split(/\s+/).length !== 6) fail(overlay, res, 'schedule needs six fields (seconds first)');
        if (!all.some((r) => r.kind === 'Cluster' && r.metadata.name === res.spec?.cluster?.name)) fail(overlay, res, 'unknown cluster');
        if (res.spec?.method !== 'plugin' || res.spec?.pluginConfiguration?.name !== 'barman-cloud.cloudnative-pg.io') {
          fail(overlay, res, 'method plugin with barman-cloud.cloudnative-pg.io expected');
        }
        break;
      case 'barmancloud.cnpg.io/v1/ObjectStore': {
        const c = res.spec?.configuration ?? {};
        if (!/^(s3|gs|https?):\/\//.test(c.destinationPath ?? '') && !/^https:\/\//.test(c.destinationPath ?? '')) {
          fail(overlay, res, 'configuration.destinationPath must be an object-store URL');
        }
        const creds = c.s3Credentials ?? c.azureCredentials ?? c.googleCredentials;
        if (!creds) fail(overlay, res, 'object store credentials missing');
        if (!res.spec?.retentionPolicy) fail(overlay, res, 'retentionPolicy missing');
        break;
      }
      case 'k8s.keycloak.org/v2alpha1/Keycloak':
        checkKeycloak(overlay, res, all);
        if (prod && res.spec.instances < 2) fail(overlay, res, 'prod runs several Keycloak instances');
        if (prod && !res.spec.http?.tlsSecret) fail(overlay, res, 'prod Keycloak needs http.tlsSecret');
        break;
      case 'k8s.keycloak.org/v2alpha1/KeycloakRealmImport':
        checkRealmImport(overlay, res, all, prod);
        break;
      case 'networking.k8s.io/v1/Ingress':
        checkIngress(overlay, res, all);
        if (prod && !(res.spec.tls ?? []).length) fail(overlay, res, 'prod Ingress needs TLS');
        break;
      default:
        if (isCrd(res)) fail(overlay, res, `no structural check for ${res.apiVersion} ${res.kind}: add one to validate.mjs`);
    }
  }
  // every service reachable through the Ingress
  const backends = new Set(all.filter((r) => r.kind === 'Ingress')
    .flatMap((r) => (r.spec.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((p) => p.backend?.service?.name))));
  for (const dep of all.filter((r) => r.kind === 'Deployment')) {
    if (!backends.has(dep.metadata.name)) fail(overlay, dep, 'no Ingress path routes to it');
  }
  checkRoutes(overlay, all);
  const summary = Object.entries(counts).sort().map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`[${overlay}] ${all.length} resources checked: ${summary}`);
}

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2) {
  console.error('usage: node validate.mjs <overlay> <rendered.yaml> [<overlay> <rendered.yaml> ...]');
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  await checkOverlay(args[i], args[i + 1]);
}
if (failures) {
  console.error(`${failures} problem(s) found`);
  process.exit(1);
}
console.log('all overlays valid');
