import { useState, useSyncExternalStore, type FormEvent } from "react";
import { giveReadKey, readKeyState, subscribeReadKey } from "../readKey";

/** Asks for the API's read key while a request waits for one (the API answered 401). */
export function ReadKeyPrompt() {
  const { asking, refusal } = useSyncExternalStore(subscribeReadKey, readKeyState);
  const [key, setKey] = useState("");
  if (!asking) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return;
    giveReadKey(key.trim());
    setKey("");
  };
  return (
    <form className="notice read-key" aria-labelledby="read-key-title" onSubmit={submit} data-testid="read-key">
      <h2 id="read-key-title">This API needs a read key</h2>
      <p className="small">
        The server was started with <code>CELLKG_READ_KEY</code>; ask whoever runs it for the key. It is kept in this
        tab until you close it.
      </p>
      {refusal && (
        <div className="error" role="alert">
          <strong>The API refused the key</strong>
          <p>{refusal}</p>
        </div>
      )}
      <label>
        Read key{" "}
        <input type="password" autoComplete="off" autoFocus value={key} onChange={(e) => setKey(e.target.value)} />
      </label>{" "}
      <button type="submit" className="button">
        Use this key
      </button>
    </form>
  );
}
