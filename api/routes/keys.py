"""API keys, for admins: issue (the key is shown once), list (never the keys), revoke."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Response, status

from api.deps import Admin, JsonBody, StoreDep
from api.models import KeyCreate, KeyCreated, KeyOut
from triage import service
from triage.store.accounts import list_keys, revoke_key

router = APIRouter(prefix="/keys", tags=["keys"])
KEY_ID = re.compile(r"[0-9a-f]{1,40}")  # what triage.store.accounts.parse_key accepts as a key's id


@router.post(
    "",
    response_model=KeyCreated,
    status_code=status.HTTP_201_CREATED,
    operation_id="create_key",
    dependencies=[JsonBody],
)
def create_key(body: KeyCreate, principal: Admin, store: StoreDep) -> Any:
    info, key = service.issue_key(store, body.role, body.org, body.label, actor=principal.key_id)
    return KeyCreated(**info.__dict__, key=key)


@router.get("", response_model=list[KeyOut], operation_id="list_keys")
def read_keys(principal: Admin, store: StoreDep) -> Any:
    return [KeyOut(**k.__dict__) for k in list_keys(store)]


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="revoke_key")
def delete_key(key_id: str, principal: Admin, store: StoreDep) -> Response:
    # not an id at all: never sent to the database (a NUL byte in it is even an error on PostgreSQL)
    if not KEY_ID.fullmatch(key_id) or not revoke_key(store, key_id, actor=principal.key_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such active key")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
