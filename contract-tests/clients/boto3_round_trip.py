"""boto3 against the emulator: the round trip of the README's recipe, with Cognito's errors as botocore reads them.

Run by tests/boto3.test.ts as: python3 boto3_round_trip.py <endpoint>. Exits non-zero on the first mismatch.
"""
import base64
import hashlib
import hmac
import json
import sys
import urllib.parse
import urllib.request
from datetime import datetime

import boto3

endpoint = sys.argv[1]
cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="local", aws_secret_access_key="local")


def check(condition, what):
    if not condition:
        raise SystemExit(f"boto3 round trip: {what}")


pool = cognito.create_user_pool(PoolName="boto3", AutoVerifiedAttributes=["email"], UsernameAttributes=["email"])["UserPool"]
check(isinstance(pool["CreationDate"], datetime), "CreationDate parses as a datetime")
client = cognito.create_user_pool_client(
    UserPoolId=pool["Id"], ClientName="backend", GenerateSecret=True,
    ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
client_id, secret = client["ClientId"], client["ClientSecret"]


def secret_hash(username):
    return base64.b64encode(hmac.new(secret.encode(), (username + client_id).encode(), hashlib.sha256).digest()).decode()


email = "carol@example.com"
signed_up = cognito.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!x", SecretHash=secret_hash(email))
check(signed_up["UserConfirmed"] is False and signed_up["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL", "SignUp answer")
query = urllib.parse.urlencode({"username": email})
messages = json.load(urllib.request.urlopen(f"{endpoint}/_emulator/pools/{pool['Id']}/messages?{query}"))["messages"]
cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=messages[-1]["code"], SecretHash=secret_hash(email))

tokens = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                               AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!x", "SECRET_HASH": secret_hash(email)})["AuthenticationResult"]
check(tokens["TokenType"] == "Bearer" and tokens["ExpiresIn"] == 3600, "AuthenticationResult")
me = cognito.get_user(AccessToken=tokens["AccessToken"])
check({"Name": "email_verified", "Value": "true"} in me["UserAttributes"], "email verified by the code")
# The refresh's secret hash uses the Cognito username (a UUID here), not the email.
refreshed = cognito.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                  AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"], "SECRET_HASH": secret_hash(me["Username"])})
check("RefreshToken" not in refreshed["AuthenticationResult"], "refresh returns no new refresh token")
check(cognito.admin_get_user(UserPoolId=pool["Id"], Username=email)["UserStatus"] == "CONFIRMED", "AdminGetUser status")
check(sum(len(page["Users"]) for page in cognito.get_paginator("list_users").paginate(UserPoolId=pool["Id"])) == 1, "ListUsers paginator")

for expected, call in [
    ("NotAuthorizedException", lambda: cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                                             AuthParameters={"USERNAME": email, "PASSWORD": "wrong", "SECRET_HASH": secret_hash(email)})),
    ("UserNotFoundException", lambda: cognito.admin_get_user(UserPoolId=pool["Id"], Username="nobody@example.com")),
    ("ResourceNotFoundException", lambda: cognito.describe_user_pool(UserPoolId="us-east-1_missing00")),
]:
    try:
        call()
        raise SystemExit(f"boto3 round trip: expected {expected}")
    except cognito.exceptions.ClientError as error:
        check(error.response["Error"]["Code"] == expected, f"error code {error.response['Error']['Code']} is {expected}")
        check(error.response["ResponseMetadata"]["RequestId"], "a request id")

print("boto3 round trip: ok")
