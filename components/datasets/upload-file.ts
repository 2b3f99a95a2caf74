/** The outcome of a streamed upload to /datasets/upload. */
export interface UploadResult {
  datasetId: string;
  alreadyImported: boolean;
  status: "ready" | "failed";
  report: import("@/server/services/datasets/types").ImportReport;
}

export interface UploadHandle {
  done: Promise<UploadResult>;
  abort(): void;
}

/**
 * Sends the file as the raw request body (no form encoding, no JSON), so the server reads it as a stream.
 * XMLHttpRequest rather than fetch: it reports upload progress.
 */
export function uploadDataset(
  file: File,
  query: { name: string; mapping: unknown },
  onProgress: (sent: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const params = new URLSearchParams({
    name: query.name,
    mapping: JSON.stringify(query.mapping),
    file: file.name,
  });
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as UploadResult);
      else
        reject(
          new Error(
            (body as { message?: string } | null)?.message ?? `The upload failed (HTTP ${xhr.status}).`,
          ),
        );
    };
    xhr.onerror = () => reject(new Error("The connection to the server was lost during the upload."));
    xhr.onabort = () => reject(new Error("The upload was cancelled; nothing was imported."));
  });
  xhr.open("POST", `/datasets/upload?${params.toString()}`);
  xhr.setRequestHeader("content-type", "application/octet-stream");
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
