import "./explorer.css";
import { createRoot } from "react-dom/client";
import { Explorer } from "./explorer.js";

createRoot(document.getElementById("explorer")!).render(<Explorer />);
