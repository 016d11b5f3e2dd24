import { render } from "solid-js/web";
import { createClient } from "@mousetrail/client-sdk";
import { App } from "./app.js";
import "./styles.css";

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
const api = createClient({ baseUrl: window.location.origin, browserSession: true });
render(() => <App api={api} />, root);
