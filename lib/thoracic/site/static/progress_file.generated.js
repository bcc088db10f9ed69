// Generated from schema/progress-file.schema.json by tools/compile-progress-validator.mjs
// with ajv 8.20.0. Do not edit: run make validator.
(function (root) {
  const helpers = {"ajv/dist/runtime/ucs2length": (function () { const module = { exports: {} }; const exports = module.exports;
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.default = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';

return module.exports; })()};
  const require = (name) => helpers[name];
  const module = { exports: {} };
  (function (module, exports) {
"use strict";
module.exports = validate52;
module.exports.default = validate52;
const schema19 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:upper-back-relief:progress-file:5","title":"Upper Back Relief progress file","description":"What 'thoracic progress --export' and the offline site's 'Save my progress file' write, format version 5. Beyond this schema, an import also checks: every day is a real date from 2000-01-01 to 365 days ahead; each id is used once within its kind; one next-day answer a day and one tick per checklist line and day; at most 200,000 entries in all; no text holds a lone surrogate.","type":"object","additionalProperties":false,"required":["format","version"],"properties":{"format":{"const":"upper-back-relief-progress"},"version":{"type":"integer","minimum":1,"maximum":5,"description":"The format version; older ones are read too."},"sessions":{"type":"array","maxItems":200000,"items":{"$ref":"#/$defs/session"}},"self_tests":{"type":"array","maxItems":200000,"items":{"$ref":"#/$defs/self_test"}},"checklist_ticks":{"type":"array","maxItems":200000,"items":{"$ref":"#/$defs/checklist_tick"}},"quiz_answers":{"type":"array","maxItems":200000,"items":{"$ref":"#/$defs/quiz_answer"}},"next_day_checks":{"type":"array","maxItems":200000,"items":{"$ref":"#/$defs/next_day_check"}}},"$defs":{"id":{"type":"string","minLength":1,"maxLength":64,"description":"The entry's own id: the course writes 32 hex digits."},"day":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$","description":"A day, YYYY-MM-DD, from 2000-01-01 to 365 days after the day of the import."},"stamp":{"type":"string","minLength":1,"maxLength":64,"description":"When it was saved, as ISO 8601 text."},"name":{"type":"string","minLength":1,"maxLength":100,"description":"A name from the course."},"session":{"type":"object","description":"One entry of the practice log.","additionalProperties":false,"required":["id","day","recorded_at","kind","exercise","duration_seconds"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"recorded_at":{"$ref":"#/$defs/stamp"},"kind":{"enum":["set","exercise","routine"],"description":"One set, one exercise with its sets, or a whole routine."},"exercise":{"$ref":"#/$defs/name"},"sets":{"anyOf":[{"type":"integer","minimum":1,"maximum":100},{"type":"null"}]},"duration_seconds":{"type":"number","minimum":0,"maximum":3600,"description":"Seconds of practice."},"rating":{"anyOf":[{"type":"integer","minimum":0,"maximum":10,"description":"Discomfort on the course's 0 to 10 scale."},{"type":"null"}]},"note":{"anyOf":[{"type":"string","minLength":0,"maxLength":2000,"description":"The learner's own note."},{"type":"null"}]},"version":{"anyOf":[{"enum":["standard","easier","harder","longer-holds","chair"],"description":"The version of the dose the timer ran."},{"type":"null"}]}}},"self_test":{"type":"object","description":"One self-test result.","additionalProperties":false,"required":["id","day","test","side","value","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"test":{"enum":["seated-rotation","wall-angel","neck-to-wall"]},"side":{"type":"string","description":"left, right, or empty for one value."},"value":{"type":"number"},"recorded_at":{"$ref":"#/$defs/stamp"},"method":{"anyOf":[{"enum":["typed","phone"],"description":"Typed in, or measured by the phone's motion sensor; null in older files (typed)."},{"type":"null"}]},"tries":{"description":"A measured result's tries (value is their median); null for a typed one."}},"allOf":[{"if":{"properties":{"test":{"const":"seated-rotation"}},"required":["test"]},"then":{"properties":{"side":{"enum":["left","right"]},"value":{"type":"number","minimum":0,"maximum":90,"description":"Seated rotation, in degrees"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":90,"description":"Seated rotation, in degrees","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"test":{"const":"wall-angel"}},"required":["test"]},"then":{"properties":{"side":{"enum":["left","right"]},"value":{"type":"integer","minimum":0,"maximum":3,"description":"Seated wall angel, in score, 0 to 3"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":3,"description":"Seated wall angel, in score, 0 to 3","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"test":{"const":"neck-to-wall"}},"required":["test"]},"then":{"properties":{"side":{"enum":[""]},"value":{"type":"number","minimum":0,"maximum":30,"description":"Neck-to-wall distance, in cm"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":30,"description":"Neck-to-wall distance, in cm","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"method":{"const":"phone"}},"required":["method"]},"then":{"required":["tries"],"properties":{"tries":{"type":"array"}}},"else":{"properties":{"tries":{"type":"null"}}}}]},"checklist_tick":{"type":"object","description":"A checklist line ticked or unticked.","additionalProperties":false,"required":["checklist","item","day","checked","updated_at"],"properties":{"checklist":{"$ref":"#/$defs/name"},"item":{"$ref":"#/$defs/name"},"day":{"anyOf":[{"$ref":"#/$defs/day"},{"const":""}],"description":"The day of a daily checklist's tick; empty for the others."},"checked":{"type":"boolean"},"updated_at":{"$ref":"#/$defs/stamp"}}},"quiz_answer":{"type":"object","description":"An answer to a knowledge check.","additionalProperties":false,"required":["id","day","question","choice","correct","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"question":{"$ref":"#/$defs/name"},"choice":{"type":"integer","minimum":0,"maximum":9},"correct":{"type":"boolean"},"recorded_at":{"$ref":"#/$defs/stamp"}}},"next_day_check":{"type":"object","description":"The answer to the next-day check: one a day.","additionalProperties":false,"required":["id","day","answer","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"answer":{"enum":["better","same","worse"]},"recorded_at":{"$ref":"#/$defs/stamp"}}}}};
const schema20 = {"type":"object","description":"One entry of the practice log.","additionalProperties":false,"required":["id","day","recorded_at","kind","exercise","duration_seconds"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"recorded_at":{"$ref":"#/$defs/stamp"},"kind":{"enum":["set","exercise","routine"],"description":"One set, one exercise with its sets, or a whole routine."},"exercise":{"$ref":"#/$defs/name"},"sets":{"anyOf":[{"type":"integer","minimum":1,"maximum":100},{"type":"null"}]},"duration_seconds":{"type":"number","minimum":0,"maximum":3600,"description":"Seconds of practice."},"rating":{"anyOf":[{"type":"integer","minimum":0,"maximum":10,"description":"Discomfort on the course's 0 to 10 scale."},{"type":"null"}]},"note":{"anyOf":[{"type":"string","minLength":0,"maxLength":2000,"description":"The learner's own note."},{"type":"null"}]},"version":{"anyOf":[{"enum":["standard","easier","harder","longer-holds","chair"],"description":"The version of the dose the timer ran."},{"type":"null"}]}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require("ajv/dist/runtime/ucs2length").default;
const schema21 = {"type":"string","minLength":1,"maxLength":64,"description":"The entry's own id: the course writes 32 hex digits."};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(func2(data) > 64){
validate54.errors = [{instancePath,schemaPath:"#/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(func2(data) < 1){
validate54.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"dynamicProps":false,"dynamicItems":false};

const schema22 = {"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$","description":"A day, YYYY-MM-DD, from 2000-01-01 to 365 days after the day of the import."};
const pattern3 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate56.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(!pattern3.test(data)){
validate56.errors = [{instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"+"\""}];
return false;
}
}
else {
validate56.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate56.errors = vErrors;
return errors === 0;
}
validate56.evaluated = {"dynamicProps":false,"dynamicItems":false};

const schema23 = {"type":"string","minLength":1,"maxLength":64,"description":"When it was saved, as ISO 8601 text."};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate58.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(func2(data) > 64){
validate58.errors = [{instancePath,schemaPath:"#/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(func2(data) < 1){
validate58.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate58.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate58.errors = vErrors;
return errors === 0;
}
validate58.evaluated = {"dynamicProps":false,"dynamicItems":false};

const schema24 = {"type":"string","minLength":1,"maxLength":100,"description":"A name from the course."};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(func2(data) > 100){
validate60.errors = [{instancePath,schemaPath:"#/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"}];
return false;
}
else {
if(func2(data) < 1){
validate60.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"dynamicProps":false,"dynamicItems":false};


function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.id === undefined) && (missing0 = "id")) || ((data.day === undefined) && (missing0 = "day"))) || ((data.recorded_at === undefined) && (missing0 = "recorded_at"))) || ((data.kind === undefined) && (missing0 = "kind"))) || ((data.exercise === undefined) && (missing0 = "exercise"))) || ((data.duration_seconds === undefined) && (missing0 = "duration_seconds"))){
validate53.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema20.properties, key0))){
validate53.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
const _errs2 = errors;
if(!(validate54(data.id, {instancePath:instancePath+"/id",parentData:data,parentDataProperty:"id",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.day !== undefined){
const _errs3 = errors;
if(!(validate56(data.day, {instancePath:instancePath+"/day",parentData:data,parentDataProperty:"day",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recorded_at !== undefined){
const _errs4 = errors;
if(!(validate58(data.recorded_at, {instancePath:instancePath+"/recorded_at",parentData:data,parentDataProperty:"recorded_at",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.kind !== undefined){
let data3 = data.kind;
const _errs5 = errors;
if(!(((data3 === "set") || (data3 === "exercise")) || (data3 === "routine"))){
validate53.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema20.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.exercise !== undefined){
const _errs6 = errors;
if(!(validate60(data.exercise, {instancePath:instancePath+"/exercise",parentData:data,parentDataProperty:"exercise",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sets !== undefined){
let data5 = data.sets;
const _errs7 = errors;
const _errs8 = errors;
let valid1 = false;
const _errs9 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err0 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(errors === _errs9){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 100 || isNaN(data5)){
const err1 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
if(data5 < 1 || isNaN(data5)){
const err2 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
}
var _valid0 = _errs9 === errors;
valid1 = valid1 || _valid0;
const _errs11 = errors;
if(data5 !== null){
const err3 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err4 = {instancePath:instancePath+"/sets",schemaPath:"#/properties/sets/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate53.errors = vErrors;
return false;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.duration_seconds !== undefined){
let data6 = data.duration_seconds;
const _errs13 = errors;
if(errors === _errs13){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 3600 || isNaN(data6)){
validate53.errors = [{instancePath:instancePath+"/duration_seconds",schemaPath:"#/properties/duration_seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate53.errors = [{instancePath:instancePath+"/duration_seconds",schemaPath:"#/properties/duration_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/duration_seconds",schemaPath:"#/properties/duration_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rating !== undefined){
let data7 = data.rating;
const _errs15 = errors;
const _errs16 = errors;
let valid2 = false;
const _errs17 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err5 = {instancePath:instancePath+"/rating",schemaPath:"#/properties/rating/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors === _errs17){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 10 || isNaN(data7)){
const err6 = {instancePath:instancePath+"/rating",schemaPath:"#/properties/rating/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data7 < 0 || isNaN(data7)){
const err7 = {instancePath:instancePath+"/rating",schemaPath:"#/properties/rating/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
var _valid1 = _errs17 === errors;
valid2 = valid2 || _valid1;
const _errs19 = errors;
if(data7 !== null){
const err8 = {instancePath:instancePath+"/rating",schemaPath:"#/properties/rating/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid1 = _errs19 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const err9 = {instancePath:instancePath+"/rating",schemaPath:"#/properties/rating/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate53.errors = vErrors;
return false;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.note !== undefined){
let data8 = data.note;
const _errs21 = errors;
const _errs22 = errors;
let valid3 = false;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data8 === "string"){
if(func2(data8) > 2000){
const err10 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/anyOf/0/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(func2(data8) < 0){
const err11 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/anyOf/0/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var _valid2 = _errs23 === errors;
valid3 = valid3 || _valid2;
const _errs25 = errors;
if(data8 !== null){
const err13 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid2 = _errs25 === errors;
valid3 = valid3 || _valid2;
if(!valid3){
const err14 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
validate53.errors = vErrors;
return false;
}
else {
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
let data9 = data.version;
const _errs27 = errors;
const _errs28 = errors;
let valid4 = false;
const _errs29 = errors;
if(!(((((data9 === "standard") || (data9 === "easier")) || (data9 === "harder")) || (data9 === "longer-holds")) || (data9 === "chair"))){
const err15 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema20.properties.version.anyOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid3 = _errs29 === errors;
valid4 = valid4 || _valid3;
const _errs30 = errors;
if(data9 !== null){
const err16 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid3 = _errs30 === errors;
valid4 = valid4 || _valid3;
if(!valid4){
const err17 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
validate53.errors = vErrors;
return false;
}
else {
errors = _errs28;
if(vErrors !== null){
if(_errs28){
vErrors.length = _errs28;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema25 = {"type":"object","description":"One self-test result.","additionalProperties":false,"required":["id","day","test","side","value","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"test":{"enum":["seated-rotation","wall-angel","neck-to-wall"]},"side":{"type":"string","description":"left, right, or empty for one value."},"value":{"type":"number"},"recorded_at":{"$ref":"#/$defs/stamp"},"method":{"anyOf":[{"enum":["typed","phone"],"description":"Typed in, or measured by the phone's motion sensor; null in older files (typed)."},{"type":"null"}]},"tries":{"description":"A measured result's tries (value is their median); null for a typed one."}},"allOf":[{"if":{"properties":{"test":{"const":"seated-rotation"}},"required":["test"]},"then":{"properties":{"side":{"enum":["left","right"]},"value":{"type":"number","minimum":0,"maximum":90,"description":"Seated rotation, in degrees"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":90,"description":"Seated rotation, in degrees","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"test":{"const":"wall-angel"}},"required":["test"]},"then":{"properties":{"side":{"enum":["left","right"]},"value":{"type":"integer","minimum":0,"maximum":3,"description":"Seated wall angel, in score, 0 to 3"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":3,"description":"Seated wall angel, in score, 0 to 3","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"test":{"const":"neck-to-wall"}},"required":["test"]},"then":{"properties":{"side":{"enum":[""]},"value":{"type":"number","minimum":0,"maximum":30,"description":"Neck-to-wall distance, in cm"},"tries":{"anyOf":[{"type":"array","minItems":1,"maxItems":10,"items":{"minimum":0,"maximum":30,"description":"Neck-to-wall distance, in cm","type":"number"}},{"type":"null"}]}}}},{"if":{"properties":{"method":{"const":"phone"}},"required":["method"]},"then":{"required":["tries"],"properties":{"tries":{"type":"array"}}},"else":{"properties":{"tries":{"type":"null"}}}}]};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.test === undefined) && (missing0 = "test")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.test !== undefined){
if("seated-rotation" !== data.test){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.side !== undefined){
let data1 = data.side;
const _errs6 = errors;
if(!((data1 === "left") || (data1 === "right"))){
validate63.errors = [{instancePath:instancePath+"/side",schemaPath:"#/allOf/0/then/properties/side/enum",keyword:"enum",params:{allowedValues: schema25.allOf[0].then.properties.side.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid3 = _errs6 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data.value !== undefined){
let data2 = data.value;
const _errs7 = errors;
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 90 || isNaN(data2)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/0/then/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 90},message:"must be <= 90"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/0/then/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/0/then/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs7 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data.tries !== undefined){
let data3 = data.tries;
const _errs9 = errors;
const _errs10 = errors;
let valid4 = false;
const _errs11 = errors;
if(errors === _errs11){
if(Array.isArray(data3)){
if(data3.length > 10){
const err2 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
if(data3.length < 1){
const err3 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
var valid5 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs13 = errors;
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 90 || isNaN(data4)){
const err4 = {instancePath:instancePath+"/tries/" + i0,schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 90},message:"must be <= 90"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data4 < 0 || isNaN(data4)){
const err5 = {instancePath:instancePath+"/tries/" + i0,schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/tries/" + i0,schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid5 = _errs13 === errors;
if(!valid5){
break;
}
}
}
}
}
else {
const err7 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/0/then/properties/tries/anyOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid1 = _errs11 === errors;
valid4 = valid4 || _valid1;
const _errs15 = errors;
if(data3 !== null){
const err8 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/0/then/properties/tries/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid1 = _errs15 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err9 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/0/then/properties/tries/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate63.errors = vErrors;
return false;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
var valid3 = _errs9 === errors;
}
else {
var valid3 = true;
}
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.side = true;
props0.value = true;
props0.tries = true;
props0.test = true;
}
}
if(!valid1){
const err10 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate63.errors = vErrors;
return false;
}
var valid0 = _errs1 === errors;
if(valid0){
const _errs17 = errors;
const _errs18 = errors;
let valid6 = true;
const _errs19 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.test === undefined) && (missing1 = "test")){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
if(data.test !== undefined){
if("wall-angel" !== data.test){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
var _valid2 = _errs19 === errors;
errors = _errs18;
if(vErrors !== null){
if(_errs18){
vErrors.length = _errs18;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.side !== undefined){
let data6 = data.side;
const _errs22 = errors;
if(!((data6 === "left") || (data6 === "right"))){
validate63.errors = [{instancePath:instancePath+"/side",schemaPath:"#/allOf/1/then/properties/side/enum",keyword:"enum",params:{allowedValues: schema25.allOf[1].then.properties.side.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid8 = _errs22 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.value !== undefined){
let data7 = data.value;
const _errs23 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/1/then/properties/value/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs23){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 3 || isNaN(data7)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/1/then/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3},message:"must be <= 3"}];
return false;
}
else {
if(data7 < 0 || isNaN(data7)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/1/then/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid8 = _errs23 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.tries !== undefined){
let data8 = data.tries;
const _errs25 = errors;
const _errs26 = errors;
let valid9 = false;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data8)){
if(data8.length > 10){
const err13 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
if(data8.length < 1){
const err14 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
var valid10 = true;
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
const _errs29 = errors;
if(errors === _errs29){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 3 || isNaN(data9)){
const err15 = {instancePath:instancePath+"/tries/" + i1,schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3},message:"must be <= 3"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data9 < 0 || isNaN(data9)){
const err16 = {instancePath:instancePath+"/tries/" + i1,schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/tries/" + i1,schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var valid10 = _errs29 === errors;
if(!valid10){
break;
}
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/1/then/properties/tries/anyOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid3 = _errs27 === errors;
valid9 = valid9 || _valid3;
const _errs31 = errors;
if(data8 !== null){
const err19 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/1/then/properties/tries/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid3 = _errs31 === errors;
valid9 = valid9 || _valid3;
if(!valid9){
const err20 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/1/then/properties/tries/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
validate63.errors = vErrors;
return false;
}
else {
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
}
var valid8 = _errs25 === errors;
}
else {
var valid8 = true;
}
}
}
}
var _valid2 = _errs21 === errors;
valid6 = _valid2;
if(valid6){
var props1 = {};
props1.side = true;
props1.value = true;
props1.tries = true;
props1.test = true;
}
}
if(!valid6){
const err21 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
validate63.errors = vErrors;
return false;
}
var valid0 = _errs17 === errors;
if(valid0){
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs33 = errors;
const _errs34 = errors;
let valid11 = true;
const _errs35 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.test === undefined) && (missing2 = "test")){
const err22 = {};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
if(data.test !== undefined){
if("neck-to-wall" !== data.test){
const err23 = {};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
}
var _valid4 = _errs35 === errors;
errors = _errs34;
if(vErrors !== null){
if(_errs34){
vErrors.length = _errs34;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs37 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.side !== undefined){
const _errs38 = errors;
if(!(data.side === "")){
validate63.errors = [{instancePath:instancePath+"/side",schemaPath:"#/allOf/2/then/properties/side/enum",keyword:"enum",params:{allowedValues: schema25.allOf[2].then.properties.side.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid13 = _errs38 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data.value !== undefined){
let data12 = data.value;
const _errs39 = errors;
if(errors === _errs39){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 30 || isNaN(data12)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/2/then/properties/value/maximum",keyword:"maximum",params:{comparison: "<=", limit: 30},message:"must be <= 30"}];
return false;
}
else {
if(data12 < 0 || isNaN(data12)){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/2/then/properties/value/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/allOf/2/then/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid13 = _errs39 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data.tries !== undefined){
let data13 = data.tries;
const _errs41 = errors;
const _errs42 = errors;
let valid14 = false;
const _errs43 = errors;
if(errors === _errs43){
if(Array.isArray(data13)){
if(data13.length > 10){
const err24 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
if(data13.length < 1){
const err25 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
var valid15 = true;
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
const _errs45 = errors;
if(errors === _errs45){
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 30 || isNaN(data14)){
const err26 = {instancePath:instancePath+"/tries/" + i2,schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 30},message:"must be <= 30"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
if(data14 < 0 || isNaN(data14)){
const err27 = {instancePath:instancePath+"/tries/" + i2,schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/tries/" + i2,schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
var valid15 = _errs45 === errors;
if(!valid15){
break;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/2/then/properties/tries/anyOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var _valid5 = _errs43 === errors;
valid14 = valid14 || _valid5;
const _errs47 = errors;
if(data13 !== null){
const err30 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/2/then/properties/tries/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid5 = _errs47 === errors;
valid14 = valid14 || _valid5;
if(!valid14){
const err31 = {instancePath:instancePath+"/tries",schemaPath:"#/allOf/2/then/properties/tries/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
validate63.errors = vErrors;
return false;
}
else {
errors = _errs42;
if(vErrors !== null){
if(_errs42){
vErrors.length = _errs42;
}
else {
vErrors = null;
}
}
}
var valid13 = _errs41 === errors;
}
else {
var valid13 = true;
}
}
}
}
var _valid4 = _errs37 === errors;
valid11 = _valid4;
if(valid11){
var props2 = {};
props2.side = true;
props2.value = true;
props2.tries = true;
props2.test = true;
}
}
if(!valid11){
const err32 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
validate63.errors = vErrors;
return false;
}
var valid0 = _errs33 === errors;
if(valid0){
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs49 = errors;
const _errs50 = errors;
let valid16 = true;
const _errs51 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.method === undefined) && (missing3 = "method")){
const err33 = {};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
if(data.method !== undefined){
if("phone" !== data.method){
const err34 = {};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
}
var _valid6 = _errs51 === errors;
errors = _errs50;
if(vErrors !== null){
if(_errs50){
vErrors.length = _errs50;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid6){
const _errs53 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.tries === undefined) && (missing4 = "tries")){
validate63.errors = [{instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
if(data.tries !== undefined){
if(!(Array.isArray(data.tries))){
validate63.errors = [{instancePath:instancePath+"/tries",schemaPath:"#/allOf/3/then/properties/tries/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
var _valid6 = _errs53 === errors;
valid16 = _valid6;
if(valid16){
var props3 = {};
props3.tries = true;
props3.method = true;
}
ifClause0 = "then";
}
else {
const _errs56 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tries !== undefined){
if(data.tries !== null){
validate63.errors = [{instancePath:instancePath+"/tries",schemaPath:"#/allOf/3/else/properties/tries/type",keyword:"type",params:{type: "null"},message:"must be null"}];
return false;
}
}
}
var _valid6 = _errs56 === errors;
valid16 = _valid6;
if(valid16){
if(props3 !== true){
props3 = props3 || {};
props3.tries = true;
}
}
ifClause0 = "else";
}
if(!valid16){
const err35 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
validate63.errors = vErrors;
return false;
}
var valid0 = _errs49 === errors;
if(valid0){
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
}
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if(((((((data.id === undefined) && (missing5 = "id")) || ((data.day === undefined) && (missing5 = "day"))) || ((data.test === undefined) && (missing5 = "test"))) || ((data.side === undefined) && (missing5 = "side"))) || ((data.value === undefined) && (missing5 = "value"))) || ((data.recorded_at === undefined) && (missing5 = "recorded_at"))){
validate63.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs59 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "day")) || (key0 === "test")) || (key0 === "side")) || (key0 === "value")) || (key0 === "recorded_at")) || (key0 === "method")) || (key0 === "tries"))){
validate63.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs59 === errors){
if(data.id !== undefined){
const _errs60 = errors;
if(!(validate54(data.id, {instancePath:instancePath+"/id",parentData:data,parentDataProperty:"id",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid20 = _errs60 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.day !== undefined){
const _errs61 = errors;
if(!(validate56(data.day, {instancePath:instancePath+"/day",parentData:data,parentDataProperty:"day",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var valid20 = _errs61 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.test !== undefined){
let data20 = data.test;
const _errs62 = errors;
if(!(((data20 === "seated-rotation") || (data20 === "wall-angel")) || (data20 === "neck-to-wall"))){
validate63.errors = [{instancePath:instancePath+"/test",schemaPath:"#/properties/test/enum",keyword:"enum",params:{allowedValues: schema25.properties.test.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid20 = _errs62 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.side !== undefined){
const _errs63 = errors;
if(typeof data.side !== "string"){
validate63.errors = [{instancePath:instancePath+"/side",schemaPath:"#/properties/side/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid20 = _errs63 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.value !== undefined){
let data22 = data.value;
const _errs65 = errors;
if(!((typeof data22 == "number") && (isFinite(data22)))){
validate63.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid20 = _errs65 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.recorded_at !== undefined){
const _errs67 = errors;
if(!(validate58(data.recorded_at, {instancePath:instancePath+"/recorded_at",parentData:data,parentDataProperty:"recorded_at",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
var valid20 = _errs67 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data.method !== undefined){
let data24 = data.method;
const _errs68 = errors;
const _errs69 = errors;
let valid21 = false;
const _errs70 = errors;
if(!((data24 === "typed") || (data24 === "phone"))){
const err36 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema25.properties.method.anyOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid7 = _errs70 === errors;
valid21 = valid21 || _valid7;
const _errs71 = errors;
if(data24 !== null){
const err37 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid7 = _errs71 === errors;
valid21 = valid21 || _valid7;
if(!valid21){
const err38 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
validate63.errors = vErrors;
return false;
}
else {
errors = _errs69;
if(vErrors !== null){
if(_errs69){
vErrors.length = _errs69;
}
else {
vErrors = null;
}
}
}
var valid20 = _errs68 === errors;
}
else {
var valid20 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema26 = {"type":"object","description":"A checklist line ticked or unticked.","additionalProperties":false,"required":["checklist","item","day","checked","updated_at"],"properties":{"checklist":{"$ref":"#/$defs/name"},"item":{"$ref":"#/$defs/name"},"day":{"anyOf":[{"$ref":"#/$defs/day"},{"const":""}],"description":"The day of a daily checklist's tick; empty for the others."},"checked":{"type":"boolean"},"updated_at":{"$ref":"#/$defs/stamp"}}};

function validate68(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate68.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.checklist === undefined) && (missing0 = "checklist")) || ((data.item === undefined) && (missing0 = "item"))) || ((data.day === undefined) && (missing0 = "day"))) || ((data.checked === undefined) && (missing0 = "checked"))) || ((data.updated_at === undefined) && (missing0 = "updated_at"))){
validate68.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "checklist") || (key0 === "item")) || (key0 === "day")) || (key0 === "checked")) || (key0 === "updated_at"))){
validate68.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.checklist !== undefined){
const _errs2 = errors;
if(!(validate60(data.checklist, {instancePath:instancePath+"/checklist",parentData:data,parentDataProperty:"checklist",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.item !== undefined){
const _errs3 = errors;
if(!(validate60(data.item, {instancePath:instancePath+"/item",parentData:data,parentDataProperty:"item",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.day !== undefined){
let data2 = data.day;
const _errs4 = errors;
const _errs5 = errors;
let valid1 = false;
const _errs6 = errors;
if(!(validate56(data2, {instancePath:instancePath+"/day",parentData:data,parentDataProperty:"day",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
const _errs7 = errors;
if("" !== data2){
const err0 = {instancePath:instancePath+"/day",schemaPath:"#/properties/day/anyOf/1/const",keyword:"const",params:{allowedValue: ""},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err1 = {instancePath:instancePath+"/day",schemaPath:"#/properties/day/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate68.errors = vErrors;
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.checked !== undefined){
const _errs8 = errors;
if(typeof data.checked !== "boolean"){
validate68.errors = [{instancePath:instancePath+"/checked",schemaPath:"#/properties/checked/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updated_at !== undefined){
const _errs10 = errors;
if(!(validate58(data.updated_at, {instancePath:instancePath+"/updated_at",parentData:data,parentDataProperty:"updated_at",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate68.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate68.errors = vErrors;
return errors === 0;
}
validate68.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema27 = {"type":"object","description":"An answer to a knowledge check.","additionalProperties":false,"required":["id","day","question","choice","correct","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"question":{"$ref":"#/$defs/name"},"choice":{"type":"integer","minimum":0,"maximum":9},"correct":{"type":"boolean"},"recorded_at":{"$ref":"#/$defs/stamp"}}};

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate74.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.id === undefined) && (missing0 = "id")) || ((data.day === undefined) && (missing0 = "day"))) || ((data.question === undefined) && (missing0 = "question"))) || ((data.choice === undefined) && (missing0 = "choice"))) || ((data.correct === undefined) && (missing0 = "correct"))) || ((data.recorded_at === undefined) && (missing0 = "recorded_at"))){
validate74.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "id") || (key0 === "day")) || (key0 === "question")) || (key0 === "choice")) || (key0 === "correct")) || (key0 === "recorded_at"))){
validate74.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
const _errs2 = errors;
if(!(validate54(data.id, {instancePath:instancePath+"/id",parentData:data,parentDataProperty:"id",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.day !== undefined){
const _errs3 = errors;
if(!(validate56(data.day, {instancePath:instancePath+"/day",parentData:data,parentDataProperty:"day",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.question !== undefined){
const _errs4 = errors;
if(!(validate60(data.question, {instancePath:instancePath+"/question",parentData:data,parentDataProperty:"question",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.choice !== undefined){
let data3 = data.choice;
const _errs5 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate74.errors = [{instancePath:instancePath+"/choice",schemaPath:"#/properties/choice/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 9 || isNaN(data3)){
validate74.errors = [{instancePath:instancePath+"/choice",schemaPath:"#/properties/choice/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9},message:"must be <= 9"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate74.errors = [{instancePath:instancePath+"/choice",schemaPath:"#/properties/choice/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.correct !== undefined){
const _errs7 = errors;
if(typeof data.correct !== "boolean"){
validate74.errors = [{instancePath:instancePath+"/correct",schemaPath:"#/properties/correct/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recorded_at !== undefined){
const _errs9 = errors;
if(!(validate58(data.recorded_at, {instancePath:instancePath+"/recorded_at",parentData:data,parentDataProperty:"recorded_at",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate74.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate74.errors = vErrors;
return errors === 0;
}
validate74.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema28 = {"type":"object","description":"The answer to the next-day check: one a day.","additionalProperties":false,"required":["id","day","answer","recorded_at"],"properties":{"id":{"$ref":"#/$defs/id"},"day":{"$ref":"#/$defs/day"},"answer":{"enum":["better","same","worse"]},"recorded_at":{"$ref":"#/$defs/stamp"}}};

function validate80(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate80.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.id === undefined) && (missing0 = "id")) || ((data.day === undefined) && (missing0 = "day"))) || ((data.answer === undefined) && (missing0 = "answer"))) || ((data.recorded_at === undefined) && (missing0 = "recorded_at"))){
validate80.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "id") || (key0 === "day")) || (key0 === "answer")) || (key0 === "recorded_at"))){
validate80.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
const _errs2 = errors;
if(!(validate54(data.id, {instancePath:instancePath+"/id",parentData:data,parentDataProperty:"id",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.day !== undefined){
const _errs3 = errors;
if(!(validate56(data.day, {instancePath:instancePath+"/day",parentData:data,parentDataProperty:"day",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.answer !== undefined){
let data2 = data.answer;
const _errs4 = errors;
if(!(((data2 === "better") || (data2 === "same")) || (data2 === "worse"))){
validate80.errors = [{instancePath:instancePath+"/answer",schemaPath:"#/properties/answer/enum",keyword:"enum",params:{allowedValues: schema28.properties.answer.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recorded_at !== undefined){
const _errs5 = errors;
if(!(validate58(data.recorded_at, {instancePath:instancePath+"/recorded_at",parentData:data,parentDataProperty:"recorded_at",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate80.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate80.errors = vErrors;
return errors === 0;
}
validate80.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:upper-back-relief:progress-file:5" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate52.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.format === undefined) && (missing0 = "format")) || ((data.version === undefined) && (missing0 = "version"))){
validate52.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "format") || (key0 === "version")) || (key0 === "sessions")) || (key0 === "self_tests")) || (key0 === "checklist_ticks")) || (key0 === "quiz_answers")) || (key0 === "next_day_checks"))){
validate52.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.format !== undefined){
const _errs2 = errors;
if("upper-back-relief-progress" !== data.format){
validate52.errors = [{instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "upper-back-relief-progress"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
let data1 = data.version;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate52.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 5 || isNaN(data1)){
validate52.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/maximum",keyword:"maximum",params:{comparison: "<=", limit: 5},message:"must be <= 5"}];
return false;
}
else {
if(data1 < 1 || isNaN(data1)){
validate52.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data2 = data.sessions;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
if(data2.length > 200000){
validate52.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/maxItems",keyword:"maxItems",params:{limit: 200000},message:"must NOT have more than 200000 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs7 = errors;
if(!(validate53(data2[i0], {instancePath:instancePath+"/sessions/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
errors = vErrors.length;
}
var valid1 = _errs7 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.self_tests !== undefined){
let data4 = data.self_tests;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data4)){
if(data4.length > 200000){
validate52.errors = [{instancePath:instancePath+"/self_tests",schemaPath:"#/properties/self_tests/maxItems",keyword:"maxItems",params:{limit: 200000},message:"must NOT have more than 200000 items"}];
return false;
}
else {
var valid2 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
const _errs10 = errors;
if(!(validate63(data4[i1], {instancePath:instancePath+"/self_tests/" + i1,parentData:data4,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
var valid2 = _errs10 === errors;
if(!valid2){
break;
}
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/self_tests",schemaPath:"#/properties/self_tests/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.checklist_ticks !== undefined){
let data6 = data.checklist_ticks;
const _errs11 = errors;
if(errors === _errs11){
if(Array.isArray(data6)){
if(data6.length > 200000){
validate52.errors = [{instancePath:instancePath+"/checklist_ticks",schemaPath:"#/properties/checklist_ticks/maxItems",keyword:"maxItems",params:{limit: 200000},message:"must NOT have more than 200000 items"}];
return false;
}
else {
var valid3 = true;
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
const _errs13 = errors;
if(!(validate68(data6[i2], {instancePath:instancePath+"/checklist_ticks/" + i2,parentData:data6,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
errors = vErrors.length;
}
var valid3 = _errs13 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/checklist_ticks",schemaPath:"#/properties/checklist_ticks/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.quiz_answers !== undefined){
let data8 = data.quiz_answers;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data8)){
if(data8.length > 200000){
validate52.errors = [{instancePath:instancePath+"/quiz_answers",schemaPath:"#/properties/quiz_answers/maxItems",keyword:"maxItems",params:{limit: 200000},message:"must NOT have more than 200000 items"}];
return false;
}
else {
var valid4 = true;
const len3 = data8.length;
for(let i3=0; i3<len3; i3++){
const _errs16 = errors;
if(!(validate74(data8[i3], {instancePath:instancePath+"/quiz_answers/" + i3,parentData:data8,parentDataProperty:i3,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
errors = vErrors.length;
}
var valid4 = _errs16 === errors;
if(!valid4){
break;
}
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/quiz_answers",schemaPath:"#/properties/quiz_answers/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next_day_checks !== undefined){
let data10 = data.next_day_checks;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data10)){
if(data10.length > 200000){
validate52.errors = [{instancePath:instancePath+"/next_day_checks",schemaPath:"#/properties/next_day_checks/maxItems",keyword:"maxItems",params:{limit: 200000},message:"must NOT have more than 200000 items"}];
return false;
}
else {
var valid5 = true;
const len4 = data10.length;
for(let i4=0; i4<len4; i4++){
const _errs19 = errors;
if(!(validate80(data10[i4], {instancePath:instancePath+"/next_day_checks/" + i4,parentData:data10,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate80.errors : vErrors.concat(validate80.errors);
errors = vErrors.length;
}
var valid5 = _errs19 === errors;
if(!valid5){
break;
}
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/next_day_checks",schemaPath:"#/properties/next_day_checks/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate52.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

  })(module, module.exports);
  root.ThoracicProgressFileValidator = module.exports;
})(typeof globalThis !== "undefined" ? globalThis : this);
