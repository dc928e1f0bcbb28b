package com.leadprocessor.emulation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Salesforce for tests: a WireMock server on a dynamic 127.0.0.1 port that answers the
 * OAuth 2.0 client-credentials token endpoint and the Lead resources by external id the way
 * Salesforce does, with a real in-memory store so a repeated upsert updates rather than duplicates.
 *
 * <p>It is both the login URL and the instance URL ({@link #baseUrl()}). It needs no JUnit: start
 * it with {@link #start()}, close it when done. Switches ({@link #outage(int)}, {@link #down()},
 * {@link #expireTokens()}, {@link #rejectNextWith}...) change how it answers; accessors ({@link
 * #upsertRequests()}, {@link #leads()}, {@link #tokenRequests()}) show what it received. It is
 * thread-safe: several workers may call it at once.
 *
 * <p>What it checks like Salesforce does: the bearer token (else {@code 401 INVALID_SESSION_ID}),
 * the external id field (else {@code 404 NOT_FOUND}), known Lead fields (else {@code
 * INVALID_FIELD}), the required {@code LastName} and {@code Company} on create ({@code
 * REQUIRED_FIELD_MISSING}), the email's syntax ({@code INVALID_EMAIL_ADDRESS}), field lengths
 * ({@code STRING_TOO_LONG}), several Leads sharing an external id ({@code 300}), and, with {@link
 * #duplicateRuleOnEmail(boolean)}, a duplicate rule matching Leads by email ({@code
 * DUPLICATES_DETECTED}). Below API version 46.0 an update answers {@code 204} with no body, as old
 * API versions do.
 *
 * <p>For claims it also knows the org's users ({@link #addUser}): the SOQL query {@code SELECT Id
 * FROM User WHERE Email = '...' AND IsActive = true} answers as the query resource does ({@code
 * totalSize}, {@code done}, {@code records} with {@code attributes}), and {@code PATCH
 * /sobjects/Lead/<id>} with an {@code OwnerId} answers {@code 204}, or {@code 400
 * INVALID_CROSS_REFERENCE_KEY} for an owner that is neither a user nor a queue.
 */
public final class SalesforceEmulation implements AutoCloseable {

  /** The connected app's consumer key the emulation accepts unless told otherwise. */
  public static final String CLIENT_ID = "3MVG9emulated.consumer.key.for.tests9xQ";

  /** The connected app's consumer secret the emulation accepts. */
  public static final String CLIENT_SECRET = "emulated-consumer-secret";

  /** The Lead field marked External ID (Unique) in the emulated org. */
  public static final String EXTERNAL_ID_FIELD = "Chatbot_Conversation_Id__c";

  private static final String TRANSFORMER = "salesforce-emulation";
  private static final String JSON = "application/json;charset=UTF-8";
  private static final Pattern LEAD_BY_EXTERNAL_ID =
      Pattern.compile("/services/data/v(\\d+)\\.(\\d)/sobjects/Lead/([^/?]+)/([^/?]+)");
  private static final Pattern LEAD_BY_ID =
      Pattern.compile("/services/data/v(\\d+)\\.(\\d)/sobjects/Lead/([^/?]+)");
  private static final Pattern QUERY = Pattern.compile("/services/data/v(\\d+)\\.(\\d)/query/?");
  private static final Pattern USER_BY_EMAIL =
      Pattern.compile(
          "(?i)SELECT\\s+Id\\s+FROM\\s+User\\s+WHERE\\s+Email\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'"
              + "\\s+AND\\s+IsActive\\s*=\\s*true\\s*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Map<String, Integer> STANDARD_FIELD_LENGTHS =
      Map.ofEntries(
          Map.entry("FirstName", 40),
          Map.entry("LastName", 80),
          Map.entry("Company", 255),
          Map.entry("Email", 80),
          Map.entry("LeadSource", 255),
          Map.entry("Description", 32_000),
          Map.entry("OwnerId", 18),
          Map.entry("Title", 128),
          Map.entry("Website", 255),
          Map.entry("Industry", 255),
          Map.entry("NumberOfEmployees", 8),
          Map.entry("Phone", 40),
          Map.entry("Status", 255));

  private final WireMockServer server;
  private final Object lock = new Object();

  // Everything below is guarded by lock.
  private final Map<String, Integer> customFieldLengths = new LinkedHashMap<>();
  private final List<Lead> store = new ArrayList<>();
  private final Set<String> validTokens = new java.util.HashSet<>();
  private final List<TokenRequest> tokenRequests = new ArrayList<>();
  private final List<UpsertRequest> upsertRequests = new ArrayList<>();
  private final List<String> lookupPaths = new ArrayList<>();
  private final Deque<SalesforceEmulationRejection> rejections = new ArrayDeque<>();
  private int leadSequence;
  private int outageRemaining;
  private boolean down;
  private Duration delay = Duration.ZERO;
  private boolean sessionsAlwaysInvalid;
  private String tokenError;
  private String tokenErrorDescription;
  private boolean duplicateRuleOnEmail;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Set<String> queues = new java.util.HashSet<>();
  private final List<String> queries = new ArrayList<>();
  private final List<OwnerUpdate> ownerUpdates = new ArrayList<>();

  private SalesforceEmulation() {
    customFieldLengths.put(EXTERNAL_ID_FIELD, 255);
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .extensions(new Responder()));
  }

  /** Starts an emulation on a free 127.0.0.1 port. */
  public static SalesforceEmulation start() {
    SalesforceEmulation emulation = new SalesforceEmulation();
    emulation.server.start();
    emulation.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(TRANSFORMER)));
    return emulation;
  }

  /** {@code http://127.0.0.1:<port>}: the login URL and the instance URL alike. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---- switches -------------------------------------------------------------------------------

  /** Forgets every Lead, token, recorded request and switch, as a freshly started emulation. */
  public void reset() {
    synchronized (lock) {
      store.clear();
      validTokens.clear();
      tokenRequests.clear();
      upsertRequests.clear();
      lookupPaths.clear();
      rejections.clear();
      customFieldLengths.keySet().retainAll(Set.of(EXTERNAL_ID_FIELD));
      leadSequence = 0;
      outageRemaining = 0;
      down = false;
      delay = Duration.ZERO;
      sessionsAlwaysInvalid = false;
      tokenError = null;
      tokenErrorDescription = null;
      duplicateRuleOnEmail = false;
      users.clear();
      queues.clear();
      queries.clear();
      ownerUpdates.clear();
    }
  }

  /**
   * The next {@code requests} REST API requests answer {@code 503}, then it heals by itself. The
   * token endpoint, on its own login server in reality, stays up.
   */
  public void outage(int requests) {
    synchronized (lock) {
      outageRemaining = requests;
    }
  }

  /** Every REST API request answers {@code 503} until {@link #heal()}. */
  public void down() {
    synchronized (lock) {
      down = true;
    }
  }

  /** Ends an outage, slowness and pending rejections; Leads and tokens are kept. */
  public void heal() {
    synchronized (lock) {
      down = false;
      outageRemaining = 0;
      delay = Duration.ZERO;
      rejections.clear();
      sessionsAlwaysInvalid = false;
    }
  }

  /**
   * Every REST API answer is delayed this long, to make clients time out. The token endpoint, on
   * its own login server in reality, stays fast.
   */
  public void slow(Duration responseDelay) {
    synchronized (lock) {
      delay = responseDelay;
    }
  }

  /** Every token issued so far becomes invalid: the next request with one answers 401. */
  public void expireTokens() {
    synchronized (lock) {
      validTokens.clear();
    }
  }

  /**
   * Every REST API request answers {@code 401 INVALID_SESSION_ID}, even with a token just issued,
   * as when the integration user is frozen. {@link #heal()} ends it.
   */
  public void rejectAllSessions() {
    synchronized (lock) {
      sessionsAlwaysInvalid = true;
    }
  }

  /**
   * The token endpoint refuses every request with this OAuth error, for example {@code
   * invalid_client} / {@code invalid client credentials}; null accepts again.
   */
  public void refuseTokens(String error, String description) {
    synchronized (lock) {
      tokenError = error;
      tokenErrorDescription = description;
    }
  }

  /** The next upserts answer with these refusals, one each, in order. */
  public void rejectNextWith(SalesforceEmulationRejection... refusals) {
    synchronized (lock) {
      rejections.addAll(List.of(refusals));
    }
  }

  /** Makes a custom Lead field exist in the emulated org, as a field mapping may name one. */
  public void addCustomField(String apiName, int length) {
    synchronized (lock) {
      customFieldLengths.put(apiName, length);
    }
  }

  /**
   * Turns on a duplicate rule that blocks creating a Lead whose email an existing Lead has,
   * answering {@code DUPLICATES_DETECTED} with the matching Leads.
   */
  public void duplicateRuleOnEmail(boolean active) {
    synchronized (lock) {
      duplicateRuleOnEmail = active;
    }
  }

  /**
   * Stores a Lead as if someone had created it in Salesforce, with or without the external id
   * field. Storing two with the same external id makes it ambiguous ({@code 300}), as happens when
   * the field is not marked unique.
   *
   * @return the new Lead's id
   */
  public String seedLead(Map<String, Object> fields) {
    synchronized (lock) {
      Lead lead = new Lead(nextLeadId(), new LinkedHashMap<>(fields));
      store.add(lead);
      return lead.id();
    }
  }

  /** Makes a user exist in the org, found by the User query when active. */
  public void addUser(String id, String email, boolean active) {
    synchronized (lock) {
      users.put(id, new User(id, email, active));
    }
  }

  /** Makes a queue exist in the org: a Lead's owner may be a queue. */
  public void addQueue(String id) {
    synchronized (lock) {
      queues.add(id);
    }
  }

  // ---- what was received ----------------------------------------------------------------------

  /** Every upsert received, in order, refused ones included. */
  public List<UpsertRequest> upsertRequests() {
    synchronized (lock) {
      return List.copyOf(upsertRequests);
    }
  }

  /** Every token request received, in order. */
  public List<TokenRequest> tokenRequests() {
    synchronized (lock) {
      return List.copyOf(tokenRequests);
    }
  }

  /** The paths (with query) of every {@code GET} of a Lead by external id, in order. */
  public List<String> lookupRequests() {
    synchronized (lock) {
      return List.copyOf(lookupPaths);
    }
  }

  /** The SOQL text of every query received, decoded, in order. */
  public List<String> queries() {
    synchronized (lock) {
      return List.copyOf(queries);
    }
  }

  /** Every {@code PATCH} of a Lead by its Id received, refused ones included, in order. */
  public List<OwnerUpdate> ownerUpdates() {
    synchronized (lock) {
      return List.copyOf(ownerUpdates);
    }
  }

  /** A user of the org. */
  public record User(String id, String email, boolean active) {}

  /** A {@code PATCH /sobjects/Lead/<id>} as received: the Lead's Id and the JSON body. */
  public record OwnerUpdate(String leadId, Map<String, Object> body) {}

  /** Every Lead stored, in creation order. */
  public List<Lead> leads() {
    synchronized (lock) {
      return store.stream().map(Lead::copy).toList();
    }
  }

  /** The Lead with this external id, if exactly one has it. */
  public Optional<Lead> lead(String externalId) {
    synchronized (lock) {
      List<Lead> matches = byExternalId(EXTERNAL_ID_FIELD, externalId);
      return matches.size() == 1 ? Optional.of(matches.get(0).copy()) : Optional.empty();
    }
  }

  /** A Lead as stored, its fields as last written. */
  public record Lead(String id, Map<String, Object> fields) {

    Lead copy() {
      return new Lead(id, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }
  }

  /**
   * An upsert as received.
   *
   * @param method {@code PATCH}, also when sent as {@code POST ...?_HttpMethod=PATCH}
   * @param path the request path as sent, percent-encoding kept, without the query
   * @param externalId the external id, decoded
   * @param headers every header, names case-insensitive
   * @param body the JSON body as a map
   */
  public record UpsertRequest(
      String method,
      String path,
      String externalIdField,
      String externalId,
      Map<String, String> headers,
      Map<String, Object> body) {

    /** The header's value, whatever its case; null when absent. */
    public String header(String name) {
      return headers.get(name);
    }
  }

  /** A token request as received: its form parameters, decoded. */
  public record TokenRequest(Map<String, String> form) {}

  // ---- answering ------------------------------------------------------------------------------

  private final class Responder implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      synchronized (lock) {
        return answer(request);
      }
    }
  }

  private ResponseDefinition answer(Request request) {
    String url = request.getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    Map<String, String> query =
        formOrQuery(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "");
    String method = request.getMethod().getName();
    if ("POST".equals(method) && query.containsKey("_HttpMethod")) {
      method = query.get("_HttpMethod").toUpperCase(Locale.ROOT);
    }
    if ("/services/oauth2/token".equals(path) && "POST".equals(method)) {
      return token(request);
    }
    Matcher leadPath = LEAD_BY_EXTERNAL_ID.matcher(path);
    if (!path.startsWith("/services/data/")) {
      return json(404, errors("NOT_FOUND", "The requested resource does not exist"));
    }
    boolean upsert = leadPath.matches() && "PATCH".equals(method);
    boolean lookup = leadPath.matches() && "GET".equals(method);
    Matcher leadById = LEAD_BY_ID.matcher(path);
    boolean leadUpdate = leadById.matches() && "PATCH".equals(method);
    boolean soqlQuery = QUERY.matcher(path).matches() && "GET".equals(method);
    Map<String, Object> updateBody = null;
    if (leadUpdate) {
      updateBody = bodyOf(request);
      ownerUpdates.add(
          new OwnerUpdate(
              decode(leadById.group(3)),
              updateBody == null
                  ? Map.of()
                  : Collections.unmodifiableMap(new LinkedHashMap<>(updateBody))));
    }
    if (soqlQuery) {
      queries.add(queryOf(url));
    }
    // Recorded before any refusal: what a client sent counts even when it was turned away.
    Map<String, Object> body = upsert ? record(request, method, path, leadPath) : null;
    if (lookup) {
      lookupPaths.add(url);
    }
    ResponseDefinition refusal = outageOrSessionRefusal(request);
    if (refusal != null) {
      return refusal;
    }
    if (upsert) {
      return upsert(body, leadPath);
    }
    if (lookup) {
      return lookup(leadPath, query);
    }
    if (leadUpdate) {
      return updateLead(leadById, updateBody);
    }
    if (soqlQuery) {
      return query(queries.get(queries.size() - 1));
    }
    return json(404, errors("NOT_FOUND", "The requested resource does not exist"));
  }

  private ResponseDefinition token(Request request) {
    Map<String, String> form = formOrQuery(request.getBodyAsString());
    tokenRequests.add(new TokenRequest(Collections.unmodifiableMap(form)));
    if (tokenError != null) {
      return oauthError(tokenError, tokenErrorDescription);
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError("unsupported_grant_type", "grant type not supported");
    }
    if (!CLIENT_ID.equals(form.get("client_id"))) {
      return oauthError("invalid_client_id", "client identifier invalid");
    }
    if (!CLIENT_SECRET.equals(form.get("client_secret"))) {
      return oauthError("invalid_client", "invalid client credentials");
    }
    String token = "00D5e0000000Emu!" + UUID.randomUUID().toString().replace("-", "");
    validTokens.add(token);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token);
    body.put("signature", "emulated-signature=");
    body.put("scope", "api");
    body.put("instance_url", baseUrl());
    body.put("id", baseUrl() + "/id/00D5e0000000EmuEAA/0055e0000000EmuAAA");
    body.put("token_type", "Bearer");
    body.put("issued_at", String.valueOf(System.currentTimeMillis()));
    return respondNow(200, JSON, SalesforceEmulationJson.write(body));
  }

  private ResponseDefinition outageOrSessionRefusal(Request request) {
    if (down || outageRemaining > 0) {
      if (outageRemaining > 0) {
        outageRemaining--;
      }
      SalesforceEmulationRejection unavailable = SalesforceEmulationRejection.unavailable(503);
      return respond(unavailable.status(), unavailable.contentType(), unavailable.body());
    }
    String authorization = request.getHeader("Authorization");
    String token =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length())
            : null;
    if (sessionsAlwaysInvalid || token == null || !validTokens.contains(token)) {
      return json(401, errors("INVALID_SESSION_ID", "Session expired or invalid"));
    }
    return null;
  }

  private Map<String, Object> record(
      Request request, String method, String path, Matcher leadPath) {
    Map<String, Object> body = bodyOf(request);
    upsertRequests.add(
        new UpsertRequest(
            method,
            path,
            decode(leadPath.group(3)),
            decode(leadPath.group(4)),
            Collections.unmodifiableMap(headersOf(request)),
            body == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(body))));
    return body;
  }

  private ResponseDefinition upsert(Map<String, Object> body, Matcher leadPath) {
    String field = decode(leadPath.group(3));
    String externalId = decode(leadPath.group(4));
    SalesforceEmulationRejection rejection = rejections.poll();
    if (rejection != null) {
      return respond(rejection.status(), rejection.contentType(), rejection.body());
    }
    if (body == null) {
      return json(
          400, errors("JSON_PARSER_ERROR", "The request body is not a JSON object", List.of()));
    }
    if (!customFieldLengths.containsKey(field)) {
      return json(404, errors("NOT_FOUND", "The requested resource does not exist"));
    }
    for (String name : body.keySet()) {
      if (!fieldExists(name)) {
        return json(
            400,
            errors(
                "INVALID_FIELD",
                "No such column '" + name + "' on sobject of type Lead",
                List.of()));
      }
    }
    List<Lead> matches = byExternalId(field, externalId);
    if (matches.size() > 1) {
      return json(300, multipleChoices(leadPath, matches));
    }
    Lead existing = matches.isEmpty() ? null : matches.get(0);
    ResponseDefinition invalid = validate(body, existing == null);
    if (invalid != null) {
      return invalid;
    }
    int version = Integer.parseInt(leadPath.group(1));
    if (existing != null) {
      existing.fields().putAll(body);
      if (version < 46) {
        return respond(204, null, null);
      }
      return json(200, upsertResult(existing.id(), false));
    }
    if (duplicateRuleOnEmail) {
      List<Lead> sameEmail = byEmail(body.get("Email"));
      if (!sameEmail.isEmpty()) {
        return json(400, duplicatesDetected(leadPath, sameEmail));
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(field, externalId);
    fields.putAll(body);
    Lead created = new Lead(nextLeadId(), fields);
    store.add(created);
    if (version < 46) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", created.id());
      result.put("success", true);
      result.put("errors", List.of());
      return json(201, SalesforceEmulationJson.write(result));
    }
    return json(201, upsertResult(created.id(), true));
  }

  private ResponseDefinition validate(Map<String, Object> body, boolean creating) {
    for (String required : List.of("LastName", "Company")) {
      boolean missing =
          creating
              ? isBlank(body.get(required))
              : body.containsKey(required) && isBlank(body.get(required));
      if (missing) {
        return json(
            400,
            errors(
                "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [" + required + "]",
                List.of(required)));
      }
    }
    Object email = body.get("Email");
    if (email != null && !EMAIL.matcher(email.toString()).matches()) {
      return json(
          400,
          errors(
              "INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + email, List.of("Email")));
    }
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      Integer max = lengthOf(entry.getKey());
      if (entry.getValue() instanceof String value && max != null && value.length() > max) {
        return json(
            400,
            errors(
                "STRING_TOO_LONG",
                "%s: data value too large: %s (max length=%d)"
                    .formatted(entry.getKey(), abbreviated(value), max),
                List.of(entry.getKey())));
      }
    }
    return null;
  }

  /** The {@code q} parameter as sent, decoded. */
  private static String queryOf(String url) {
    String encoded = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    String soql = formOrQuery(encoded).get("q");
    return soql == null ? "" : soql;
  }

  /** The one query the emulated org understands: an active user by email. */
  private ResponseDefinition query(String soql) {
    Matcher byEmail = USER_BY_EMAIL.matcher(soql);
    if (!byEmail.matches()) {
      return json(
          400,
          errors(
              "MALFORMED_QUERY",
              "The emulation answers only SELECT Id FROM User WHERE Email = '...' AND IsActive ="
                  + " true; got: "
                  + soql));
    }
    String email = byEmail.group(1).replace("\\'", "'").replace("\\\\", "\\");
    List<Map<String, Object>> records = new ArrayList<>();
    for (User user : users.values()) {
      if (user.active() && user.email() != null && user.email().equalsIgnoreCase(email)) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", "User");
        attributes.put("url", "/services/data/v64.0/sobjects/User/" + user.id());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes);
        record.put("Id", user.id());
        records.add(record);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("totalSize", records.size());
    result.put("done", true);
    result.put("records", records);
    return json(200, SalesforceEmulationJson.write(result));
  }

  /** {@code PATCH /sobjects/Lead/<id>}: only the owner can change this way in the emulation. */
  private ResponseDefinition updateLead(Matcher leadById, Map<String, Object> body) {
    SalesforceEmulationRejection rejection = rejections.poll();
    if (rejection != null) {
      return respond(rejection.status(), rejection.contentType(), rejection.body());
    }
    if (body == null) {
      return json(
          400, errors("JSON_PARSER_ERROR", "The request body is not a JSON object", List.of()));
    }
    String id = decode(leadById.group(3));
    Lead lead = store.stream().filter(stored -> stored.id().equals(id)).findFirst().orElse(null);
    if (lead == null) {
      return json(404, errors("NOT_FOUND", "The requested resource does not exist"));
    }
    for (String name : body.keySet()) {
      if (!fieldExists(name)) {
        return json(
            400,
            errors(
                "INVALID_FIELD",
                "No such column '" + name + "' on sobject of type Lead",
                List.of()));
      }
    }
    Object owner = body.get("OwnerId");
    if (owner != null
        && !users.containsKey(owner.toString())
        && !queues.contains(owner.toString())) {
      return json(
          400,
          errors("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of("OwnerId")));
    }
    lead.fields().putAll(body);
    return respond(204, null, null);
  }

  private ResponseDefinition lookup(Matcher leadPath, Map<String, String> query) {
    String field = decode(leadPath.group(3));
    String externalId = decode(leadPath.group(4));
    if (!customFieldLengths.containsKey(field)) {
      return json(404, errors("NOT_FOUND", "The requested resource does not exist"));
    }
    List<Lead> matches = byExternalId(field, externalId);
    if (matches.isEmpty()) {
      return json(
          404,
          errors(
              "NOT_FOUND",
              "Provided external ID field does not exist or is not accessible: " + externalId));
    }
    if (matches.size() > 1) {
      return json(300, multipleChoices(leadPath, matches));
    }
    Lead lead = matches.get(0);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("attributes", attributes(leadPath, lead.id()));
    String fields = query.get("fields");
    if (fields == null) {
      record.put("Id", lead.id());
      record.putAll(lead.fields());
    } else {
      for (String name : fields.split(",")) {
        record.put(name, "Id".equals(name) ? lead.id() : lead.fields().get(name));
      }
    }
    return json(200, SalesforceEmulationJson.write(record));
  }

  // ---- shapes ---------------------------------------------------------------------------------

  private static String upsertResult(String id, boolean created) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", id);
    result.put("success", true);
    result.put("errors", List.of());
    result.put("created", created);
    return SalesforceEmulationJson.write(result);
  }

  private static String multipleChoices(Matcher leadPath, List<Lead> matches) {
    return SalesforceEmulationJson.write(
        matches.stream().map(lead -> recordUrl(leadPath, lead.id())).toList());
  }

  private static String duplicatesDetected(Matcher leadPath, List<Lead> matches) {
    List<Map<String, Object>> matchRecords = new ArrayList<>();
    for (Lead lead : matches) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("attributes", attributes(leadPath, lead.id()));
      record.put("Id", lead.id());
      Map<String, Object> matchRecord = new LinkedHashMap<>();
      matchRecord.put("additionalInformation", List.of());
      matchRecord.put("fieldDiffs", List.of());
      matchRecord.put("matchConfidence", 100.0);
      matchRecord.put("record", record);
      matchRecords.add(matchRecord);
    }
    Map<String, Object> matchResult = new LinkedHashMap<>();
    matchResult.put("entityType", "Lead");
    matchResult.put("errors", List.of());
    matchResult.put("matchEngine", "ExactMatchEngine");
    matchResult.put("matchRecords", matchRecords);
    matchResult.put("rule", "Standard_Lead_Match_Rule_v1_0");
    matchResult.put("size", matchRecords.size());
    matchResult.put("success", true);
    String message = "Use one of these records?";
    Map<String, Object> duplicateResult = new LinkedHashMap<>();
    duplicateResult.put("allowSave", false);
    duplicateResult.put("duplicateRule", "Standard_Rule_for_Leads_with_Duplicate_Leads");
    duplicateResult.put("duplicateRuleEntityType", "Lead");
    duplicateResult.put("errorMessage", message);
    duplicateResult.put("matchResults", List.of(matchResult));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("duplicateResult", duplicateResult);
    error.put("errorCode", "DUPLICATES_DETECTED");
    error.put("message", message);
    return SalesforceEmulationJson.write(List.of(error));
  }

  private static Map<String, Object> attributes(Matcher leadPath, String id) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", "Lead");
    attributes.put("url", recordUrl(leadPath, id));
    return attributes;
  }

  private static String recordUrl(Matcher leadPath, String id) {
    return "/services/data/v%s.%s/sobjects/Lead/%s"
        .formatted(leadPath.group(1), leadPath.group(2), id);
  }

  private static String errors(String errorCode, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("errorCode", errorCode);
    return SalesforceEmulationJson.write(List.of(error));
  }

  private static String errors(String errorCode, String message, List<String> fields) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("errorCode", errorCode);
    error.put("fields", fields);
    return SalesforceEmulationJson.write(List.of(error));
  }

  private static ResponseDefinition oauthError(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return respondNow(400, JSON, SalesforceEmulationJson.write(body));
  }

  private ResponseDefinition json(int status, String body) {
    return respond(status, JSON, body);
  }

  private ResponseDefinition respond(int status, String contentType, String body) {
    ResponseDefinitionBuilder response =
        ResponseDefinitionBuilder.responseDefinition().withStatus(status);
    if (contentType != null) {
      response.withHeader("Content-Type", contentType).withBody(body);
    }
    if (!delay.isZero()) {
      response.withFixedDelay((int) delay.toMillis());
    }
    return response.build();
  }

  private static ResponseDefinition respondNow(int status, String contentType, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withBody(body)
        .build();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String nextLeadId() {
    leadSequence++;
    return "00Q5e%010dAAA".formatted(leadSequence);
  }

  private List<Lead> byExternalId(String field, String externalId) {
    return store.stream().filter(lead -> externalId.equals(lead.fields().get(field))).toList();
  }

  private List<Lead> byEmail(Object email) {
    if (email == null) {
      return List.of();
    }
    return store.stream()
        .filter(
            lead -> email.toString().equalsIgnoreCase(String.valueOf(lead.fields().get("Email"))))
        .toList();
  }

  private boolean fieldExists(String name) {
    return STANDARD_FIELD_LENGTHS.containsKey(name) || customFieldLengths.containsKey(name);
  }

  private Integer lengthOf(String name) {
    Integer standard = STANDARD_FIELD_LENGTHS.get(name);
    return standard != null ? standard : customFieldLengths.get(name);
  }

  private static Map<String, Object> bodyOf(Request request) {
    try {
      Map<String, Object> body = SalesforceEmulationJson.readObject(request.getBodyAsString());
      return body == null ? null : new LinkedHashMap<>(body);
    } catch (RuntimeException notJsonObject) {
      return null;
    }
  }

  private static Map<String, String> headersOf(Request request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.firstValue());
    }
    return headers;
  }

  private static Map<String, String> formOrQuery(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(decodeForm(key), decodeForm(value));
    }
    return values;
  }

  private static String decodeForm(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** A path segment: {@code +} is a plus there, not a space. */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static String abbreviated(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "...";
  }
}
