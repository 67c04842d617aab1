import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type OperationDefinitionNode } from 'graphql';

/** Codegen embeds each operation's trusted-document hash (sha256 hex) as `__meta__.hash`. */
interface DocumentMeta {
  __meta__?: { hash?: string };
}

export interface PreparedDocument {
  query: string;
  operationName: string | undefined;
  operationType: OperationDefinitionNode['operation'];
  /** The id of the document in the trusted-documents manifest, when codegen registered it. */
  documentId: string | undefined;
}

const prepared = new WeakMap<object, PreparedDocument>();

/** Prints a document once and remembers what the transports need from it. */
export function prepareDocument<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
): PreparedDocument {
  const cached = prepared.get(document);
  if (cached) return cached;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  if (!operation) throw new TypeError('The document has no operation');
  const hash = (document as DocumentMeta).__meta__?.hash;
  const result: PreparedDocument = {
    query: print(document),
    operationName: operation.name?.value,
    operationType: operation.operation,
    documentId: hash ? `sha256:${hash}` : undefined,
  };
  prepared.set(document, result);
  return result;
}
