package org.leadhandoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.CandidateGroups;
import org.leadhandoff.process.LeadProcess.Forms;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.process.LeadProcess.Variables;
import org.leadhandoff.routing.Role;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The models in {@code bpmn/} and {@code forms/} against the code's contract ({@link LeadProcess},
 * {@link Outcomes}) and its job workers: a name renamed on one side only, a job type nobody serves,
 * a variable read that nothing writes or written that nothing reads, a gateway literal that is not
 * a value of its outcome, or an outcome gateway without a default flow fails here, before any
 * engine runs. Variables are also followed per process: a call activity passes only what its
 * mappings name, so a worker that reads a variable no step of its process can have set fails too.
 */
class ModelContractTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** FEEL's own words, which are not variables. */
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "and",
          "or",
          "not",
          "null",
          "true",
          "false",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "function",
          // the element a filter looks at, as in list[item != null]
          "item");

  /** FEEL's functions whose names have spaces: their words are no variables. */
  private static final Pattern SPACED_FUNCTION =
      Pattern.compile(
          "\\b(?:string join|lower case|upper case|string length|date and time|day of week"
              + "|years and months duration|starts with|ends with|substring before"
              + "|substring after|list contains|get value|get entries|is defined)\\s*\\(");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern NAME =
      Pattern.compile("(\\.\\s*)?\\b([A-Za-z_][A-Za-z0-9_]*)\\b(\\s*\\(|\\s*:(?!=))?");
  private static final Pattern COMPARISON =
      Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\s*(?:!=|=)\\s*\"([^\"]*)\"");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  /** Where a variable is read or written, for the failure messages. */
  private static final Map<String, Set<String>> reads = new TreeMap<>();

  private static final Map<String, Set<String>> writes = new TreeMap<>();
  private static final Set<String> processIds = new TreeSet<>();
  private static final Set<String> calledProcesses = new TreeSet<>();
  private static final Set<String> messages = new TreeSet<>();
  private static final Set<String> jobTypes = new TreeSet<>();
  private static final Set<String> headerKeys = new TreeSet<>();
  private static final Map<String, Set<String>> headerValues = new TreeMap<>();
  private static final Set<String> formIds = new TreeSet<>();
  private static final Set<String> formFiles = new TreeSet<>();
  private static final Set<String> candidateGroups = new TreeSet<>();
  private static final Set<String> gatewaysWithoutDefault = new TreeSet<>();
  private static final List<String> badLiterals = new ArrayList<>();
  private static final Map<String, String> workerTypes = new TreeMap<>();
  private static final List<String> untypedWorkers = new ArrayList<>();

  // Per process: what its steps write (workers of its job types, its forms, its mappings) and read.
  private static final Map<String, Set<String>> processJobs = new TreeMap<>();
  private static final Map<String, Set<String>> processForms = new TreeMap<>();
  private static final Map<String, Set<String>> processWrites = new TreeMap<>();
  private static final Map<String, Set<String>> processReads = new TreeMap<>();
  private static final Map<String, Set<String>> jobReads = new TreeMap<>();
  private static final Map<String, Set<String>> jobWrites = new TreeMap<>();
  private static final Map<String, Set<String>> formKeys = new TreeMap<>();

  private static final Map<String, Set<String>> decisionReads = new TreeMap<>();
  private static final Set<String> decisionFiles = new TreeSet<>();
  private static final Map<String, Set<String>> processDecisions = new TreeMap<>();

  @BeforeAll
  static void readModelsFormsAndWorkers() throws Exception {
    for (Path file : files("bpmn", ".dmn")) {
      readDecisions(file);
    }
    for (Path file : files("bpmn", ".bpmn")) {
      readModel(file);
    }
    for (Path file : files("forms", ".form")) {
      readForm(file);
    }
    readWorkers();
    Variables.SET_BY_APPLICATION.forEach(name -> note(writes, name, "the application"));
    Variables.READ_BY_APPLICATION.forEach(name -> note(reads, name, "the inbox"));
  }

  @Test
  void everyProcessIsAConstantAndItsFileIsNamedAfterIt() {
    assertThat(processIds).isEqualTo(constants(Processes.class));
    assertThat(constants(Processes.class)).containsAll(calledProcesses);
  }

  @Test
  void everyDecisionIsAConstantAndAFileAndEveryCalledOneExists() {
    Set<String> called = new TreeSet<>();
    processDecisions.values().forEach(called::addAll);
    assertThat(decisionFiles).isEqualTo(constants(LeadProcess.Decisions.class));
    assertThat(decisionFiles).as("decisions called by the models").containsAll(called);
    assertThat(called).as("decisions no model calls").containsAll(decisionFiles);
  }

  @Test
  void everyMessageIsAConstant() {
    assertThat(messages).isEqualTo(constants(Messages.class));
  }

  @Test
  void everyJobTypeOfTheModelsHasAWorkerAndEveryWorkerAJob() {
    Set<String> served = new TreeSet<>(workerTypes.keySet());
    assertThat(served).as("job types without a worker").containsAll(jobTypes);
    served.remove(Jobs.USER_TASK); // the engine's own job type for job-worker user tasks
    assertThat(jobTypes).as("workers of job types no model has").containsAll(served);
    Set<String> contract = constants(Jobs.class);
    contract.remove(Jobs.USER_TASK);
    assertThat(jobTypes).isEqualTo(contract);
  }

  @Test
  void everyHeaderIsAConstantAndNamesAStageOrRoleThatExists() {
    assertThat(headerKeys).isEqualTo(constants(Headers.class));
    Set<String> stages =
        Arrays.stream(Stage.values())
            .map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> roles =
        Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    assertThat(stages).containsAll(headerValues.getOrDefault(Headers.STAGE, Set.of()));
    assertThat(roles).containsAll(headerValues.getOrDefault(Headers.ROLE, Set.of()));
  }

  @Test
  void everyFormIsAConstantAndAFile() {
    assertThat(formIds).isEqualTo(constants(Forms.class));
    assertThat(formFiles).isEqualTo(constants(Forms.class));
    assertThat(candidateGroups).isEqualTo(constants(CandidateGroups.class));
  }

  @Test
  void everyVariableIsNamedInTheContractAndEveryNameIsUsed() {
    Set<String> used = new TreeSet<>(reads.keySet());
    used.addAll(writes.keySet());
    Set<String> contract = constants(Variables.class);
    assertThat(difference(used, contract))
        .as(
            "variables the models, forms or workers use that LeadProcess.Variables lacks: %s",
            where(difference(used, contract)))
        .isEmpty();
    assertThat(difference(contract, used))
        .as("names in LeadProcess.Variables that no model, form or worker uses")
        .isEmpty();
  }

  @Test
  void everyVariableReadIsWrittenBySomething() {
    Set<String> unwritten = difference(reads.keySet(), writes.keySet());
    assertThat(unwritten)
        .as(
            "variables read but written by no worker, form, mapping or the application: %s",
            where(unwritten))
        .isEmpty();
  }

  @Test
  void everyVariableReadInAProcessCanBeSetInThatProcess() {
    List<String> unreachable = new ArrayList<>();
    // A worker may serve several processes and read what only some of them have: it fails only
    // when none of the processes that use its job type can have the variable.
    jobReads.forEach(
        (type, names) -> {
          Set<String> users =
              processJobs.entrySet().stream()
                  .filter(e -> e.getValue().contains(type))
                  .map(Map.Entry::getKey)
                  .collect(Collectors.toCollection(TreeSet::new));
          for (String name : names) {
            if (!users.isEmpty() && users.stream().noneMatch(p -> available(p).contains(name))) {
              unreachable.add(
                  name + " read by " + workerTypes.get(type) + " (" + type + ") in " + users);
            }
          }
        });
    processReads.forEach(
        (process, names) ->
            difference(names, available(process))
                .forEach(name -> unreachable.add(name + " read by an expression in " + process)));
    assertThat(unreachable)
        .as("variables read where no step of the process sets them (a call activity's mapping?)")
        .isEmpty();
  }

  /** What can be set in a process: by its workers, its forms, its mappings or the application. */
  private static Set<String> available(String process) {
    Set<String> names = new TreeSet<>(Variables.SET_BY_APPLICATION);
    names.addAll(processWrites.getOrDefault(process, Set.of()));
    processJobs
        .getOrDefault(process, Set.of())
        .forEach(type -> names.addAll(jobWrites.getOrDefault(type, Set.of())));
    processForms
        .getOrDefault(process, Set.of())
        .forEach(form -> names.addAll(formKeys.getOrDefault(form, Set.of())));
    return names;
  }

  @Test
  void everyVariableWrittenIsReadBySomething() {
    Set<String> unread = difference(writes.keySet(), reads.keySet());
    assertThat(unread)
        .as("variables written but read by no model, form, worker or the inbox: %s", where(unread))
        .isEmpty();
  }

  @Test
  void everyOutcomeComparedOrOfferedIsAValueOfItsEnum() {
    assertThat(badLiterals).isEmpty();
  }

  @Test
  void everyOutcomeGatewayHasADefaultFlow() {
    assertThat(gatewaysWithoutDefault).isEmpty();
  }

  @Test
  void everyWorkerReturnsARecordAndNamesItsInputs() {
    assertThat(untypedWorkers).isEmpty();
  }

  // --- the models -------------------------------------------------------------------------------

  private static void readModel(Path file) throws Exception {
    Document doc = xml(file);
    String model = file.getFileName().toString();
    String processId = "";
    for (Element process : elements(doc, BPMN, "process")) {
      processId = process.getAttribute("id");
      processIds.add(process.getAttribute("id"));
      assertThat(model)
          .as("the file of process %s", process.getAttribute("id"))
          .isEqualTo(process.getAttribute("id") + ".bpmn");
    }
    elements(doc, BPMN, "message").forEach(m -> messages.add(m.getAttribute("name")));
    Set<String> jobs = processJobs.computeIfAbsent(processId, k -> new TreeSet<>());
    elements(doc, ZEEBE, "taskDefinition").forEach(t -> jobs.add(t.getAttribute("type")));
    elements(doc, ZEEBE, "executionListener").forEach(t -> jobs.add(t.getAttribute("type")));
    jobTypes.addAll(jobs);
    Set<String> forms = processForms.computeIfAbsent(processId, k -> new TreeSet<>());
    elements(doc, ZEEBE, "formDefinition").forEach(f -> forms.add(f.getAttribute("formId")));
    elements(doc, ZEEBE, "calledElement")
        .forEach(c -> calledProcesses.add(c.getAttribute("processId")));
    elements(doc, ZEEBE, "formDefinition").forEach(f -> formIds.add(f.getAttribute("formId")));
    for (Element header : elements(doc, ZEEBE, "header")) {
      headerKeys.add(header.getAttribute("key"));
      headerValues
          .computeIfAbsent(header.getAttribute("key"), k -> new TreeSet<>())
          .add(header.getAttribute("value"));
    }
    for (Element assignment : elements(doc, ZEEBE, "assignmentDefinition")) {
      String groups = assignment.getAttribute("candidateGroups");
      if (!groups.isBlank() && !groups.startsWith("=")) {
        Arrays.stream(groups.split(",")).map(String::strip).forEach(candidateGroups::add);
      }
    }
    // A business rule task: its decision reads its inputs here, its result is written here.
    for (Element called : elements(doc, ZEEBE, "calledDecision")) {
      String decision = called.getAttribute("decisionId");
      processDecisions.computeIfAbsent(processId, k -> new TreeSet<>()).add(decision);
      String result = called.getAttribute("resultVariable");
      processWrites.computeIfAbsent(processId, k -> new TreeSet<>()).add(result);
      note(writes, result, model + " " + decision);
      for (String input : decisionReads.getOrDefault(decision, Set.of())) {
        processReads.computeIfAbsent(processId, k -> new TreeSet<>()).add(input);
        note(reads, input, decision + ".dmn");
      }
    }
    readExpressions(doc.getDocumentElement(), model, processId);
    readGateways(doc, model);
  }

  /** A model or decision file, namespaces kept, no DOCTYPE (no external entities). */
  private static Document xml(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** A decision file: its decision ids (the file is named after the one it holds) and inputs. */
  private static void readDecisions(Path file) throws Exception {
    Document doc = xml(file);
    for (Element decision : elements(doc, DMN, "decision")) {
      String id = decision.getAttribute("id");
      decisionFiles.add(id);
      assertThat(file.getFileName().toString())
          .as("the file of decision %s", id)
          .isEqualTo(id + ".dmn");
      Set<String> inputs = decisionReads.computeIfAbsent(id, k -> new TreeSet<>());
      for (Element input : elements(decision, DMN, "inputExpression")) {
        inputs.addAll(expression("=" + input.getTextContent().strip(), null));
      }
    }
  }

  /** Every FEEL expression of the model (an attribute or a text that starts with "="). */
  private static void readExpressions(Element element, String model, String process) {
    String where = model + " " + owner(element);
    Set<String> read = processReads.computeIfAbsent(process, k -> new TreeSet<>());
    Set<String> written = processWrites.computeIfAbsent(process, k -> new TreeSet<>());
    boolean mapping =
        ZEEBE.equals(element.getNamespaceURI())
            && (element.getLocalName().equals("input") || element.getLocalName().equals("output"));
    if (mapping) {
      String source = element.getAttribute("source");
      String target = element.getAttribute("target");
      Element callActivity = enclosing(element, "callActivity");
      boolean fromChild = callActivity != null && element.getLocalName().equals("output");
      // A call activity's output reads the called process's variables, not this one's.
      if (!fromChild) {
        read.addAll(expression(source, null));
      }
      written.add(target);
      if (callActivity != null && element.getLocalName().equals("input")) {
        elements(callActivity, ZEEBE, "calledElement")
            .forEach(
                c ->
                    processWrites
                        .computeIfAbsent(c.getAttribute("processId"), k -> new TreeSet<>())
                        .add(target));
      }
      // A mapping of a name to itself only moves the variable between scopes.
      if (!source.strip().equals("=" + target)) {
        expression(source, where);
        note(writes, target, where);
      }
    } else {
      var attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        read.addAll(expression(attributes.item(i).getNodeValue(), where));
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        readExpressions(e, model, process);
      } else if (child.getNodeType() == Node.TEXT_NODE) {
        read.addAll(expression(child.getNodeValue().strip(), where));
      }
    }
  }

  private static Element enclosing(Element element, String bpmnName) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (BPMN.equals(e.getNamespaceURI()) && e.getLocalName().equals(bpmnName)) {
        return e;
      }
    }
    return null;
  }

  private static void readGateways(Document doc, String model) {
    Map<String, Element> flows = new TreeMap<>();
    elements(doc, BPMN, "sequenceFlow").forEach(f -> flows.put(f.getAttribute("id"), f));
    List<Element> gateways = new ArrayList<>(elements(doc, BPMN, "exclusiveGateway"));
    gateways.addAll(elements(doc, BPMN, "inclusiveGateway"));
    for (Element gateway : gateways) {
      List<Element> outgoing =
          flows.values().stream()
              .filter(f -> f.getAttribute("sourceRef").equals(gateway.getAttribute("id")))
              .toList();
      boolean decides =
          outgoing.stream().anyMatch(f -> !elements(f, BPMN, "conditionExpression").isEmpty());
      if (decides && gateway.getAttribute("default").isBlank()) {
        gatewaysWithoutDefault.add(model + " " + gateway.getAttribute("id"));
      }
    }
  }

  // --- the forms --------------------------------------------------------------------------------

  private static void readForm(Path file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    String name = file.getFileName().toString().replaceFirst("\\.form$", "");
    formFiles.add(name);
    assertThat(form.path("id").asText()).as("the id of %s", file).isEqualTo(name);
    readComponents(form, "form " + name, formKeys.computeIfAbsent(name, k -> new TreeSet<>()));
  }

  private static void readComponents(JsonNode node, String form, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      String key = component.path("key").asText("");
      String where = form + " " + (key.isEmpty() ? component.path("type").asText() : key);
      if (!key.isEmpty()) {
        note(writes, key, where);
        keys.add(key);
        checkChoices(key, component.path("values"), where);
      }
      strings(component).forEach(text -> formText(text, where));
      readComponents(component, form, keys);
    }
  }

  /** A radio or select of an outcome offers exactly the outcome's values. */
  private static void checkChoices(String key, JsonNode values, String where) {
    Class<? extends Enum<?>> outcome = Outcomes.BY_VARIABLE.get(key);
    if (outcome == null || !values.isArray()) {
      return;
    }
    Set<String> offered = new TreeSet<>();
    values.forEach(v -> offered.add(v.path("value").asText()));
    if (!offered.equals(names(outcome))) {
      badLiterals.add(
          where + " offers " + offered + ", " + outcome.getSimpleName() + " has " + names(outcome));
    }
  }

  private static void formText(String text, String where) {
    if (text.startsWith("=")) {
      expression(text, where);
    }
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      expression("=" + template.group(1), where);
    }
  }

  /** The string values of a component, not those of the components inside it. */
  private static List<String> strings(JsonNode component) {
    List<String> texts = new ArrayList<>();
    component
        .properties()
        .forEach(
            entry -> {
              if (!entry.getKey().equals("components")) {
                collect(entry.getValue(), texts);
              }
            });
    return texts;
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    } else {
      node.forEach(child -> collect(child, texts));
    }
  }

  // --- the workers ------------------------------------------------------------------------------

  private static void readWorkers() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (var candidate : scanner.findCandidateComponents("org.leadhandoff")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          readWorker(type.getSimpleName() + "." + method.getName(), worker, method);
        }
      }
    }
  }

  private static void readWorker(String where, JobWorker worker, Method method) {
    workerTypes.put(worker.type(), where);
    if (worker.type().equals(Jobs.USER_TASK)) {
      return; // reads every variable for the inbox; what it uses is in READ_BY_APPLICATION
    }
    for (Parameter parameter : method.getParameters()) {
      Variable variable = parameter.getAnnotation(Variable.class);
      if (variable != null) {
        String name =
            !variable.name().isBlank()
                ? variable.name()
                : !variable.value().isBlank() ? variable.value() : parameter.getName();
        if (!parameter.isNamePresent() && variable.name().isBlank() && variable.value().isBlank()) {
          untypedWorkers.add(where + ": compile with -parameters or name the variable");
        }
        note(reads, name, where);
        note(jobReads, worker.type(), name);
      } else if (parameter.isAnnotationPresent(VariablesAsType.class)) {
        components(parameter.getType()).forEach(name -> note(reads, name, where));
        components(parameter.getType()).forEach(name -> note(jobReads, worker.type(), name));
      }
    }
    Class<?> result = method.getReturnType();
    if (result.isRecord()) {
      components(result).forEach(name -> note(writes, name, where));
      components(result).forEach(name -> note(jobWrites, worker.type(), name));
    } else if (result != void.class) {
      untypedWorkers.add(where + " returns " + result.getSimpleName() + ", not a record");
    }
  }

  private static List<String> components(Class<?> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  // --- FEEL -------------------------------------------------------------------------------------

  /** Notes the variables an expression reads and checks its comparisons with outcome literals. */
  private static Set<String> expression(String text, String where) {
    Set<String> found = new TreeSet<>();
    if (text == null || !text.startsWith("=")) {
      return found;
    }
    String code = text.substring(1);
    Matcher comparison = where == null ? COMPARISON.matcher("") : COMPARISON.matcher(code);
    while (comparison.find()) {
      Class<? extends Enum<?>> outcome = Outcomes.BY_VARIABLE.get(comparison.group(1));
      if (outcome == null) {
        badLiterals.add(
            where + " compares " + comparison.group(1) + ", which has no outcome enum in Outcomes");
      } else if (!names(outcome).contains(comparison.group(2))) {
        badLiterals.add(
            where + ": \"" + comparison.group(2) + "\" is not a " + outcome.getSimpleName());
      }
    }
    Matcher name =
        NAME.matcher(
            SPACED_FUNCTION
                .matcher(STRING_LITERAL.matcher(code).replaceAll(" "))
                .replaceAll(" fn("));
    while (name.find()) {
      boolean member = name.group(1) != null;
      // A name before "(" is a function; before ":" it is a key of a context ({heat: temperature}).
      boolean function = name.group(3) != null;
      if (!member && !function && !FEEL_WORDS.contains(name.group(2))) {
        found.add(name.group(2));
        if (where != null) {
          note(reads, name.group(2), where);
        }
      }
    }
    return found;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static List<Path> files(String directory, String extension) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static void note(Map<String, Set<String>> index, String name, String where) {
    index.computeIfAbsent(name, k -> new TreeSet<>()).add(where);
  }

  private static String where(Set<String> names) {
    return names.stream()
        .map(
            n ->
                n
                    + " ("
                    + String.join(", ", reads.getOrDefault(n, writes.getOrDefault(n, Set.of())))
                    + ")")
        .collect(Collectors.joining("; "));
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static Set<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The String constants of one of the contract's classes. */
  private static Set<String> constants(Class<?> holder) {
    Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  private static List<Element> elements(Node root, String namespace, String name) {
    NodeList found =
        root instanceof Document doc
            ? doc.getElementsByTagNameNS(namespace, name)
            : ((Element) root).getElementsByTagNameNS(namespace, name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      list.add((Element) found.item(i));
    }
    return list;
  }

  /** The id of the nearest element that has one: the task, event or flow an expression is on. */
  private static String owner(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isBlank()) {
        return e.getAttribute("id");
      }
    }
    return "";
  }
}
